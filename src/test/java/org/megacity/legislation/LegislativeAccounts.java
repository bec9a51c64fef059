package org.megacity.legislation;

import static org.megacity.identity.Administrators.bearer;
import static org.megacity.identity.Administrators.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.megacity.identity.Administrators;
import org.megacity.platform.DataDirectory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Test fixture: accounts with a role, made as the administrators would (the system administrator
 * creates the account, the security administrator grants the role, the person sets a password).
 */
public final class LegislativeAccounts {

    public static final String PASSWORD = "Law-Making-2026-river";

    private final MockMvc mvc;
    private final Administrators admins;

    public LegislativeAccounts(MockMvc mvc, DataDirectory data) {
        this.mvc = mvc;
        this.admins = new Administrators(mvc, data);
    }

    /** Creates {@code username} with {@code role} and the password {@link #PASSWORD}; returns a bearer token. */
    public String create(String username, String role) throws Exception {
        String sys = admins.sysadmin();
        String sec = admins.secadmin();
        String created = mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer(sys))
                        .contentType(MediaType.APPLICATION_JSON).content(json("username", username, "displayName", username)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.account.id");
        mvc.perform(put("/api/v1/accounts/" + id + "/roles").header(HttpHeaders.AUTHORIZATION, bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\": [\"" + role + "\"]}"))
                .andExpect(status().isOk());
        admins.changePassword(username, JsonPath.read(created, "$.oneTimePassword"), PASSWORD);
        return admins.token(username, PASSWORD);
    }
}

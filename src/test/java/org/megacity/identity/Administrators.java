package org.megacity.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.megacity.platform.DataDirectory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Test fixture: the administrators created at first start, brought into use through the API as a
 * person would (read the first password from its file, change it, get a token).
 */
public final class Administrators {

    public static final String NEW_PASSWORD = "Correct-Horse-42-battery";

    private final MockMvc mvc;
    private final DataDirectory data;

    public Administrators(MockMvc mvc, DataDirectory data) {
        this.mvc = mvc;
        this.data = data;
    }

    public String firstPassword(String file) {
        try {
            return Files.readString(data.resolve(file), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Changes the first password to {@link #NEW_PASSWORD} (unless that was done before in this
     * database: the file is deleted once the first password is changed) and returns a new bearer
     * token of the account.
     */
    public String activate(String username, String file) throws Exception {
        if (Files.exists(data.resolve(file))) {
            changePassword(username, firstPassword(file), NEW_PASSWORD);
        }
        return token(username, NEW_PASSWORD);
    }

    public String sysadmin() throws Exception {
        return activate("sysadmin", "initial-admin-password");
    }

    public String secadmin() throws Exception {
        return activate("secadmin", "initial-security-admin-password");
    }

    public String auditadmin() throws Exception {
        return activate("auditadmin", "initial-audit-admin-password");
    }

    /**
     * Creates {@code username} as the administrators would: the system administrator creates the
     * account, the security administrator grants {@code role}, the person replaces the one-time
     * password with {@code password}. Returns a bearer token of the new account. The account has no
     * jurisdiction; see {@link #account(String, String, String, List, List)}.
     */
    public String account(String username, String role, String password) throws Exception {
        return account(username, role, password, null, null);
    }

    /**
     * As {@link #account(String, String, String)}, and the security administrator binds the account to
     * {@code divisions} and {@code departments} (citywide when both are empty).
     */
    public String account(String username, String role, String password, List<String> divisions,
            List<String> departments) throws Exception {
        String created = mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer(sysadmin()))
                        .contentType(MediaType.APPLICATION_JSON).content(json("username", username, "displayName", username)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.account.id");
        String sec = secadmin();
        mvc.perform(put("/api/v1/accounts/" + id + "/roles").header(HttpHeaders.AUTHORIZATION, bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\": [\"" + role + "\"]}"))
                .andExpect(status().isOk());
        if (divisions != null) {
            boolean citywide = divisions.isEmpty() && departments.isEmpty();
            mvc.perform(put("/api/v1/accounts/" + id + "/jurisdiction").header(HttpHeaders.AUTHORIZATION, bearer(sec))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"citywide\": " + citywide
                                    + ", \"divisions\": " + jsonArray(divisions) + ", \"departments\": " + jsonArray(departments) + "}"))
                    .andExpect(status().isOk());
        }
        changePassword(username, JsonPath.read(created, "$.oneTimePassword"), password);
        return token(username, password);
    }

    private static String jsonArray(List<String> values) {
        return values.stream().map(Administrators::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    public void changePassword(String username, String oldPassword, String newPassword) throws Exception {
        mvc.perform(post("/api/v1/auth/password").contentType(MediaType.APPLICATION_JSON)
                        .content(json("username", username, "oldPassword", oldPassword, "newPassword", newPassword)))
                .andExpect(status().isNoContent());
    }

    public String token(String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/tokens").header(HttpHeaders.AUTHORIZATION, basic(username, password))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"test\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A JSON object of string fields, in order: {@code json("a", "1", "b", "2")}. */
    public static String json(String... keyValues) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < keyValues.length; i += 2) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(keyValues[i]).append("\":").append(quote(keyValues[i + 1]));
        }
        return out.append('}').toString();
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

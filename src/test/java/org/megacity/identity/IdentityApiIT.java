package org.megacity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.basic;
import static org.megacity.identity.Administrators.bearer;
import static org.megacity.identity.Administrators.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.megacity.geo.Geography;
import org.megacity.geo.ImportOutcome;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.TinyCity;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The identity API as clients use it: first passwords, policy, lockout, tokens, administration. */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
class IdentityApiIT {

    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Geography geography;
    @Autowired
    org.megacity.platform.internal.CommandDispatcher commands;

    Administrators admins;

    @BeforeEach
    void fixture() {
        admins = new Administrators(mvc, data);
    }

    @Test
    void firstStartWritesEachAdministratorsOneTimePasswordToAPrivateFileAndItAllowsOnlyAPasswordChange()
            throws Exception {
        for (String file : new String[] {"initial-admin-password", "initial-security-admin-password",
                "initial-audit-admin-password"}) {
            if (Files.exists(data.resolve(file))) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file))))
                        .isEqualTo("rw-------");
            }
        }
        String first = admins.firstPassword("initial-audit-admin-password");
        assertThat(first).hasSizeGreaterThanOrEqualTo(12);

        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, basic("auditadmin", first)))
                .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:megacity:problem:password-change-required"));
        mvc.perform(post("/api/v1/auth/tokens").header(HttpHeaders.AUTHORIZATION, basic("auditadmin", first)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:megacity:problem:password-change-required"));

        admins.changePassword("auditadmin", first, Administrators.NEW_PASSWORD);

        assertThat(data.resolve("initial-audit-admin-password")).doesNotExist();
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION,
                        basic("auditadmin", Administrators.NEW_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("auditadmin"))
                .andExpect(jsonPath("$.roles[0]").value("AUDIT_ADMIN"))
                .andExpect(jsonPath("$.passwordChangeRequired").value(false));
    }

    @Test
    void aNewPasswordMustFollowThePolicyAndErrorsNameTheRule() throws Exception {
        String token = admins.sysadmin();
        String created = createAccount(token, "policy.tester");
        String oneTime = JsonPath.read(created, "$.oneTimePassword");

        changePassword("policy.tester", oneTime, "Short1!")
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("[min-length]")));
        changePassword("policy.tester", oneTime, "alllowercaseletters")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message", Matchers.hasItem(Matchers.startsWith("[character-classes]"))));
        changePassword("policy.tester", oneTime, "My-Policy.Tester-2025")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message", Matchers.hasItem(Matchers.startsWith("[contains-username]"))));
        changePassword("policy.tester", oneTime, oneTime)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message", Matchers.hasItem(Matchers.startsWith("[same-as-old]"))));
        mvc.perform(post("/api/v1/auth/password").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("username", "oldPassword",
                        "newPassword")));
        changePassword("policy.tester", "wrong-Password-123", "Good-Enough-Password-9")
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:megacity:problem:invalid-credentials"));

        changePassword("policy.tester", oneTime, "Good-Enough-Password-9").andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION,
                        basic("policy.tester", "Good-Enough-Password-9")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles").isEmpty());
    }

    @Test
    void fiveFailuresLockTheAccountForAWhileWithoutSayingSo() throws Exception {
        String token = admins.sysadmin();
        String oneTime = JsonPath.read(createAccount(token, "lock.tester"), "$.oneTimePassword");
        changePassword("lock.tester", oneTime, "Lock-Tester-Pass-1").andExpect(status().isNoContent());
        String good = basic("lock.tester", "Lock-Tester-Pass-1");
        String bad = basic("lock.tester", "Not-The-Password-1");

        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bad))
                    .andExpect(status().isUnauthorized());
        }
        String refused = mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, good))
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).doesNotContainIgnoringCase("locked until");
        Integer failuresAfterLock = jdbc.sql("select failed_logins from identity_account where username = 'lock.tester'")
                .query(Integer.class).single();
        assertThat(failuresAfterLock).isZero();

        // fifteen minutes later
        jdbc.sql("update identity_account set locked_until = locked_until - interval '15' minute"
                + " where username = 'lock.tester'").update();
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, good)).andExpect(status().isOk());
    }

    @Test
    void tokensAreShownOnceStoredAsHashesListedWithoutSecretsAndRevocable() throws Exception {
        String token = admins.sysadmin();
        assertThat(token).startsWith("mgc_").hasSize(47);
        assertThat(jdbc.sql("select count(*) from identity_token where token_hash = :t").param("t", token)
                .query(Long.class).single()).isZero();

        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("sysadmin"))
                .andExpect(jsonPath("$.authenticatedBy").value("bearer"))
                // a bearer client carries its own credentials: no CSRF token, no cookie of any kind
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
        String list = mvc.perform(get("/api/v1/auth/tokens").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].status").value("active"))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(token).doesNotContain("mgc_");

        mvc.perform(post("/api/v1/auth/tokens").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/auth/tokens").header(HttpHeaders.AUTHORIZATION,
                                basic("sysadmin", Administrators.NEW_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"expiresInDays\": 400}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("expiresInDays"));

        String second = admins.token("sysadmin", Administrators.NEW_PASSWORD);
        String secondId = jdbc.sql("select id from identity_token order by created_at desc, id limit 1")
                .query(String.class).list().getFirst();
        String id = JsonPath.read(mvc.perform(get("/api/v1/auth/tokens").header(HttpHeaders.AUTHORIZATION,
                bearer(second))).andReturn().getResponse().getContentAsString(), "$[0].id");
        mvc.perform(delete("/api/v1/auth/tokens/" + id).header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isNoContent());
        assertThat(id).isEqualTo(secondId);
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(second)))
                .andExpect(status().isUnauthorized());

        jdbc.sql("update identity_token set expires_at = created_at where token_hash <> 'x'").update();
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void theApiAnswersUnauthenticatedCallsWithProblemJsonNotARedirect() throws Exception {
        mvc.perform(get("/api/v1/accounts"))
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(header().exists(HttpHeaders.WWW_AUTHENTICATE));
        mvc.perform(post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer("mgc_not-a-real-token")))
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void theThreeAdministratorsHoldSeparatePowers() throws Exception {
        String sys = admins.sysadmin();
        String sec = admins.secadmin();
        String audit = admins.auditadmin();
        String accountId = JsonPath.read(createAccount(sys, "separation.tester"), "$.account.id");

        // only the system administrator creates accounts
        mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content(json("username", "not.created")))
                .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        // only the security administrator grants roles
        putRoles(sys, accountId, "[\"INSPECTOR\"]").andExpect(status().isForbidden());
        putRoles(audit, accountId, "[\"INSPECTOR\"]").andExpect(status().isForbidden());
        putRoles(sec, accountId, "[\"INSPECTOR\", \"DISPATCHER\"]").andExpect(status().isOk())
                .andExpect(jsonPath("$.roles", Matchers.contains("DISPATCHER", "INSPECTOR")));
        // nobody holds two administrator roles
        putRoles(sec, accountId, "[\"SYSTEM_ADMIN\", \"AUDIT_ADMIN\"]").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        putRoles(sec, accountId, "[\"NO_SUCH_ROLE\"]").andExpect(status().isBadRequest());
        // an administrator cannot grant roles to itself
        String secId = JsonPath.read(me(sec), "$.id");
        putRoles(sec, secId, "[\"SECURITY_ADMIN\", \"DISPATCHER\"]").andExpect(status().isForbidden());
        // listing: the system and security administrators, not the audit administrator
        mvc.perform(get("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer(sec)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accounts[*].username", Matchers.hasItem("separation.tester")));
        mvc.perform(get("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer(audit)))
                .andExpect(status().isForbidden());
        // the system administrator cannot take over another administrator's account
        mvc.perform(post("/api/v1/accounts/" + secId + "/password-reset").header(HttpHeaders.AUTHORIZATION, bearer(sys)))
                .andExpect(status().isForbidden());
        String reset = mvc.perform(post("/api/v1/accounts/" + accountId + "/password-reset")
                        .header(HttpHeaders.AUTHORIZATION, bearer(sys)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.account.passwordChangeRequired").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(reset, "$.oneTimePassword")).hasSize(20);
    }

    @Test
    void jurisdictionsBindDivisionsAndDepartmentsAndShowInTheActor() throws Exception {
        String sys = admins.sysadmin();
        String sec = admins.secadmin();
        String created = createAccount(sys, "street.inspector");
        String id = JsonPath.read(created, "$.account.id");
        assertThat(geography.importDivisions(TinyCity.divisions())).isInstanceOf(ImportOutcome.Imported.class);

        putJurisdiction(sec, id, "{\"divisions\": [\"50010\", \"500199001\", \"500103001\"], \"departments\": [\"Water Works\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field",
                        Matchers.containsInAnyOrder("divisions[0]", "divisions[1]", "departments[0]")))
                .andExpect(jsonPath("$.errors[1].message").value("division 500199001 does not exist"));
        putJurisdiction(sys, id, "{\"citywide\": true}").andExpect(status().isForbidden());
        putJurisdiction(sec, id, "{\"divisions\": [\"500103001\"], \"departments\": [\"water\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction.divisions[0]").value("500103001"))
                .andExpect(jsonPath("$.jurisdiction.citywide").value(false));

        String oneTime = JsonPath.read(created, "$.oneTimePassword");
        changePassword("street.inspector", oneTime, "Street-Inspector-7x").andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, basic("street.inspector",
                        "Street-Inspector-7x")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.jurisdiction.divisions[0]").value("500103001"))
                .andExpect(jsonPath("$.jurisdiction.departments[0]").value("water"));
    }

    @Test
    void aDisabledAccountsTokensStopWorkingAndAnAdministratorCannotDisableItself() throws Exception {
        String sys = admins.sysadmin();
        String created = createAccount(sys, "soon.disabled");
        String id = JsonPath.read(created, "$.account.id");
        changePassword("soon.disabled", JsonPath.read(created, "$.oneTimePassword"), "Soon-Disabled-Pass-1")
                .andExpect(status().isNoContent());
        String token = admins.token("soon.disabled", "Soon-Disabled-Pass-1");
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(token))).andExpect(status().isOk());

        mvc.perform(post("/api/v1/accounts/" + id + "/disable").header(HttpHeaders.AUTHORIZATION, bearer(sys)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, basic("soon.disabled",
                "Soon-Disabled-Pass-1"))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/accounts/" + id + "/enable").header(HttpHeaders.AUTHORIZATION, bearer(sys)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(token))).andExpect(status().isOk());

        String sysId = JsonPath.read(me(sys), "$.id");
        mvc.perform(post("/api/v1/accounts/" + sysId + "/disable").header(HttpHeaders.AUTHORIZATION, bearer(sys)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer(sys))
                        .contentType(MediaType.APPLICATION_JSON).content(json("username", "Bad Name!")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("username"));
        mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer(sys))
                        .contentType(MediaType.APPLICATION_JSON).content(json("username", "soon.disabled")))
                .andExpect(status().isConflict());
    }

    @Test
    void aPasswordOlderThanNinetyDaysMustBeChangedBeforeAnythingElse() throws Exception {
        String sys = admins.sysadmin();
        String created = createAccount(sys, "old.password");
        changePassword("old.password", JsonPath.read(created, "$.oneTimePassword"), "Old-Password-Holder-1")
                .andExpect(status().isNoContent());
        String token = admins.token("old.password", "Old-Password-Holder-1");
        jdbc.sql("update identity_account set password_changed_at = password_changed_at - interval '91' day"
                + " where username = 'old.password'").update();
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:megacity:problem:password-change-required"));
        changePassword("old.password", "Old-Password-Holder-1", "New-Password-Holder-2").andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(token))).andExpect(status().isOk());
    }

    @Test
    void anOperatorResetsAnAdministratorsPasswordOnTheServerIntoAPrivateFile() throws Exception {
        admins.auditadmin();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = commands.dispatch(org.megacity.platform.CommandLine.parse("accounts", "reset-password", "auditadmin"),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains(
                data.resolve("reset-password-auditadmin").toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("reset-password-auditadmin"))))
                .isEqualTo("rw-------");
        String oneTime = admins.firstPassword("reset-password-auditadmin");
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(oneTime);
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, basic("auditadmin", oneTime)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:megacity:problem:password-change-required"));
        changePassword("auditadmin", oneTime, Administrators.NEW_PASSWORD).andExpect(status().isNoContent());
    }

    @Test
    void aRevokedTokenAndChangedRolesCountAtOnceThoughSignedInAccountsAreCached() throws Exception {
        String sys = admins.sysadmin();
        String sec = admins.secadmin();
        String created = createAccount(sys, "cached.holder");
        String id = JsonPath.read(created, "$.account.id");
        changePassword("cached.holder", JsonPath.read(created, "$.oneTimePassword"), "Cached-Holder-Password-1")
                .andExpect(status().isNoContent());
        String token = admins.token("cached.holder", "Cached-Holder-Password-1");
        for (int i = 0; i < 5; i++) { // the account is now in the cache
            mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.roles").isEmpty());
        }
        putRoles(sec, id, "[\"INSPECTOR\"]").andExpect(status().isOk());
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles", Matchers.contains("INSPECTOR")));

        String tokenId = JsonPath.read(mvc.perform(get("/api/v1/auth/tokens").header(HttpHeaders.AUTHORIZATION,
                bearer(token))).andReturn().getResponse().getContentAsString(), "$[0].id");
        mvc.perform(delete("/api/v1/auth/tokens/" + tokenId).header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isUnauthorized());

        String again = admins.token("cached.holder", "Cached-Holder-Password-1");
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(again))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/accounts/" + id + "/disable").header(HttpHeaders.AUTHORIZATION, bearer(sys)))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(again)))
                .andExpect(status().isUnauthorized());
    }

    private String createAccount(String token, String username) throws Exception {
        return mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(json("username", username, "displayName", "测试")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.account.passwordChangeRequired").value(true))
                .andReturn().getResponse().getContentAsString();
    }

    private ResultActions changePassword(String username, String oldPassword, String newPassword) throws Exception {
        return mvc.perform(post("/api/v1/auth/password").contentType(MediaType.APPLICATION_JSON)
                .content(json("username", username, "oldPassword", oldPassword, "newPassword", newPassword)));
    }

    private ResultActions putRoles(String token, String id, String roles) throws Exception {
        return mvc.perform(put("/api/v1/accounts/" + id + "/roles").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content("{\"roles\": " + roles + "}"));
    }

    private ResultActions putJurisdiction(String token, String id, String body) throws Exception {
        return mvc.perform(put("/api/v1/accounts/" + id + "/jurisdiction").header(HttpHeaders.AUTHORIZATION,
                bearer(token)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String me(String token) throws Exception {
        return mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andReturn().getResponse().getContentAsString();
    }
}

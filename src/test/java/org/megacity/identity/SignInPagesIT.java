package org.megacity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** Signing in with a browser: the login page, the forced first password change, CSRF, logout. */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
class SignInPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;

    Administrators admins;

    @BeforeEach
    void fixture() {
        admins = new Administrators(mvc, data);
    }

    @Test
    void theLoginPageSpeaksChineseByDefaultAndEnglishOnRequest() throws Exception {
        String zh = mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("X-Frame-Options", "DENY"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("id=\"username\"", "id=\"password\"", "id=\"login-submit\"", "id=\"lang-switch\"",
                "name=\"_csrf\"", "登录", "English");
        String en = mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk())
                .andExpect(cookie().value("megacity-lang", "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Sign in", "中文").doesNotContain("用户名");
    }

    @Test
    void pagesNeedASignInAndAStaleSessionIsToldItExpired() throws Exception {
        mvc.perform(get("/account/tokens")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").with(request -> {
            request.setRequestedSessionId("gone");
            request.setRequestedSessionIdValid(false);
            return request;
        })).andExpect(status().isFound()).andExpect(redirectedUrl("/login?expired"));
        assertThat(mvc.perform(get("/login").param("expired", "")).andReturn().getResponse().getContentAsString())
                .contains("id=\"login-expired\"");
    }

    @Test
    void aWrongPasswordGetsTheSameMessageAsALockedAccountAndTheFormNeedsItsCsrfToken() throws Exception {
        // without its token the form signs nobody in (it is taken for a form from an expired session)
        mvc.perform(post("/login").param("username", "sysadmin").param("password", "whatever-it-is-1A"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(post("/login").param("username", "sysadmin").param("password", "whatever-it-is-1A")
                .with(csrf().useInvalidToken())).andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "sysadmin").param("password", "whatever-it-is-1A").with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").param("username", "nobody").param("password", "whatever-it-is-1A").with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));
        String page = mvc.perform(get("/login").param("error", "")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"login-error\"", "15");
    }

    @Test
    void theFirstSignInLeadsToThePasswordChangeAndNothingElseUntilItIsDone() throws Exception {
        String first = admins.firstPassword("initial-security-admin-password");
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", "secadmin")
                        .param("password", first).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/account/password"))
                .andReturn().getRequest().getSession(false);

        mvc.perform(get("/").session(session)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/v1/auth/me").session(session)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:megacity:problem:password-change-required"));
        String form = mvc.perform(get("/account/password").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"password-forced\"", "id=\"oldPassword\"", "id=\"newPassword\"",
                "id=\"confirmPassword\"", "id=\"password-submit\"", "value=\"secadmin\"", "readonly");

        String mismatch = mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("oldPassword", first).param("newPassword", "Sec-Admin-Choice-1")
                        .param("confirmPassword", "Sec-Admin-Choice-2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mismatch).contains("id=\"password-error\"");
        String weak = mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("oldPassword", first).param("newPassword", "secadmin-secadmin")
                        .param("confirmPassword", "secadmin-secadmin"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(weak).contains("data-rule=\"character-classes\"", "data-rule=\"contains-username\"");

        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("oldPassword", first).param("newPassword", "Sec-Admin-Choice-1")
                        .param("confirmPassword", "Sec-Admin-Choice-1"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/v1/auth/me").session(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("secadmin"))
                .andExpect(jsonPath("$.passwordChangeRequired").value(false));

        // page scripts: API writes with the session cookie need the CSRF header
        mvc.perform(post("/api/v1/auth/tokens").session(session)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:megacity:problem:csrf"));
        Cookie xsrf = mvc.perform(get("/api/v1/auth/me").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getCookie("XSRF-TOKEN");
        assertThat(xsrf).isNotNull();
        assertThat(xsrf.isHttpOnly()).isFalse();
        mvc.perform(post("/api/v1/auth/tokens").session(session).cookie(xsrf).header("X-XSRF-TOKEN", xsrf.getValue()))
                .andExpect(status().isCreated());

        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?logout"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aPasswordCanBeChangedWithoutSigningInAndThenUsedToSignIn() throws Exception {
        String first = admins.firstPassword("initial-admin-password");
        mvc.perform(get("/account/password")).andExpect(status().isOk());
        mvc.perform(post("/account/password").with(csrf()).param("username", "sysadmin").param("oldPassword", first)
                        .param("newPassword", "Sys-Admin-Choice-9").param("confirmPassword", "Sys-Admin-Choice-9"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?changed"));
        mvc.perform(post("/login").param("username", "sysadmin").param("password", "Sys-Admin-Choice-9").with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/"));
    }
}

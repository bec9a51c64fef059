package org.megacity.legislation;

import org.megacity.identity.Administrators;
import org.megacity.platform.DataDirectory;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Test fixture: accounts with a role, made as the administrators would (the system administrator
 * creates the account, the security administrator grants the role, the person sets a password).
 */
public final class LegislativeAccounts {

    public static final String PASSWORD = "Law-Making-2026-river";

    private final Administrators admins;

    public LegislativeAccounts(MockMvc mvc, DataDirectory data) {
        this.admins = new Administrators(mvc, data);
    }

    /** Creates {@code username} with {@code role} and the password {@link #PASSWORD}; returns a bearer token. */
    public String create(String username, String role) throws Exception {
        return admins.account(username, role, PASSWORD);
    }
}

package org.megacity.identity;

import java.util.Set;

/**
 * Who is acting: an account with its roles and jurisdiction, or the system itself (scheduled work,
 * command-line operations), which acts citywide.
 *
 * @param accountId    the account's id, or {@code "system"}
 * @param username     the login name, or {@code "system"}
 * @param roles        the roles held
 * @param jurisdiction where the actor may see and act
 */
public record Actor(String accountId, String username, Set<Role> roles, Jurisdiction jurisdiction) {

    public static final Actor SYSTEM = new Actor("system", "system", Set.of(), Jurisdiction.CITYWIDE);

    /** Whoever sends a request without signing in: no roles, no jurisdiction. */
    public static final Actor ANONYMOUS = new Actor("anonymous", "anonymous", Set.of(), Jurisdiction.NONE);

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this is a signed-in account (neither {@link #SYSTEM} nor {@link #ANONYMOUS}). */
    public boolean authenticated() {
        return !equals(SYSTEM) && !equals(ANONYMOUS);
    }
}

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

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}

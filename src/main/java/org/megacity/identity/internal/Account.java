package org.megacity.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.megacity.identity.Actor;
import org.megacity.identity.Jurisdiction;
import org.megacity.identity.Role;

/**
 * A local account as stored.
 *
 * @param mustChangePassword set for one-time passwords (first start, new account, reset) until
 *                           the holder chooses a password
 * @param failedLogins       consecutive failed sign-ins since the last success or lockout
 * @param lockedUntil        the end of the current lockout, or {@code null}
 */
record Account(String id, String username, String displayName, String passwordHash, boolean enabled,
        boolean mustChangePassword, int failedLogins, Instant lockedUntil, boolean citywide,
        Instant createdAt, Instant changedAt, Instant passwordChangedAt,
        Set<Role> roles, Set<String> divisions, Set<String> departments) {

    Account {
        roles = Set.copyOf(roles);
        divisions = Set.copyOf(divisions);
        departments = Set.copyOf(departments);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Whether the holder must choose a new password before doing anything else: a one-time
     * password, or one older than {@code maxAge} (periodic change; {@link Duration#ZERO} means never).
     */
    boolean passwordChangeRequired(Instant now, Duration maxAge) {
        return mustChangePassword
                || (!maxAge.isZero() && passwordChangedAt.plus(maxAge).isBefore(now));
    }

    Jurisdiction jurisdiction() {
        return new Jurisdiction(citywide, divisions, departments);
    }

    Actor actor() {
        return new Actor(id, username, roles, jurisdiction());
    }
}

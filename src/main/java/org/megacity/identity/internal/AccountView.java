package org.megacity.identity.internal;

import java.time.Instant;
import java.util.List;
import org.megacity.identity.Jurisdiction;
import org.megacity.identity.Role;

/** An account as the API shows it (never its password hash). */
record AccountView(String id, String username, String displayName, boolean enabled, boolean passwordChangeRequired,
        Instant lockedUntil, List<String> roles, JurisdictionView jurisdiction, Instant createdAt, Instant changedAt,
        Instant passwordChangedAt) {

    record JurisdictionView(boolean citywide, List<String> divisions, List<String> departments) {
        static JurisdictionView of(Jurisdiction j) {
            return new JurisdictionView(j.citywide(), j.divisions().stream().sorted().toList(),
                    j.departments().stream().sorted().toList());
        }
    }

    static AccountView of(Account a) {
        Instant now = Instant.now();
        return new AccountView(a.id(), a.username(), a.displayName(), a.enabled(), a.mustChangePassword(),
                a.lockedAt(now) ? a.lockedUntil() : null, a.roles().stream().map(Role::name).sorted().toList(),
                JurisdictionView.of(a.jurisdiction()), a.createdAt(), a.changedAt(), a.passwordChangedAt());
    }
}

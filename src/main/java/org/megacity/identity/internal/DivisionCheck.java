package org.megacity.identity.internal;

import java.util.Optional;
import org.megacity.identity.KnownDivisions;
import org.springframework.stereotype.Component;

/** Whether a division code may be bound to an account, as the city's geography knows it. */
@Component
class DivisionCheck {

    private final KnownDivisions divisions;

    DivisionCheck(KnownDivisions divisions) {
        this.divisions = divisions;
    }

    /** Why the code cannot be bound, or empty when it can. */
    Optional<String> problem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of("a division code is required");
        }
        return divisions.problem(code);
    }
}

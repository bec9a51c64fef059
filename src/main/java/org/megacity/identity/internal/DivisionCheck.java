package org.megacity.identity.internal;

import java.util.Optional;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.Geography;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether a division code may be bound to an account: well formed ({@link DivisionCode}: 6, 9, 12
 * or 15 digits), and known to the city's geography when the {@code geo} module serves one.
 *
 * <p>This is the one place identity depends on {@code geo}. While no {@link Geography} bean exists
 * (the module is being built), only the format is checked; with one, the division must exist.
 */
@Component
class DivisionCheck {

    private final ObjectProvider<Geography> geography;

    DivisionCheck(ObjectProvider<Geography> geography) {
        this.geography = geography;
    }

    /** Why the code cannot be bound, or empty when it can. */
    Optional<String> problem(String code) {
        DivisionCode parsed;
        try {
            parsed = DivisionCode.of(code);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        Geography city = geography.getIfAvailable();
        if (city != null && city.division(parsed).isEmpty()) {
            return Optional.of("division " + code + " does not exist");
        }
        return Optional.empty();
    }
}

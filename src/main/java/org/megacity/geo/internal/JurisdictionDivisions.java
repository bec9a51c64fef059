package org.megacity.geo.internal;

import java.util.Optional;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.Geography;
import org.megacity.identity.KnownDivisions;
import org.springframework.stereotype.Component;

/** Tells identity which division codes exist, so jurisdictions bind only to real divisions. */
@Component
class JurisdictionDivisions implements KnownDivisions {

    private final Geography geography;

    JurisdictionDivisions(Geography geography) {
        this.geography = geography;
    }

    @Override
    public Optional<String> problem(String divisionCode) {
        DivisionCode code;
        try {
            code = DivisionCode.of(divisionCode);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return geography.division(code).isPresent() ? Optional.empty()
                : Optional.of("division " + divisionCode + " does not exist");
    }
}

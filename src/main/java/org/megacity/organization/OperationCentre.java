package org.megacity.organization;

import java.util.Objects;
import org.megacity.geo.DivisionCode;

/**
 * A city operation and governance centre (城市运行和治理中心).
 *
 * @param level    city, district or street
 * @param division the division it governs: a district's or a street's code; null for the city centre
 * @param name     its Chinese name
 * @param nameEn   its English name
 */
public record OperationCentre(CentreLevel level, DivisionCode division, String name, String nameEn) {

    /** The id of the city centre; other centres are identified by their division's code. */
    public static final String CITY_ID = "city";

    public OperationCentre {
        Objects.requireNonNull(level, "level");
        name = Objects.requireNonNull(name, "name");
        nameEn = Objects.requireNonNull(nameEn, "nameEn");
        if (level == CentreLevel.CITY ? division != null
                : division == null || division.level() != level.divisionLevel().orElseThrow()) {
            throw new IllegalArgumentException("a " + level.id() + " centre must be bound to "
                    + (level == CentreLevel.CITY ? "no division" : "a " + level.divisionLevel().orElseThrow().nameEn())
                    + ", not " + division);
        }
    }

    /** {@code city}, or the code of the division it governs. */
    public String id() {
        return division == null ? CITY_ID : division.value();
    }
}

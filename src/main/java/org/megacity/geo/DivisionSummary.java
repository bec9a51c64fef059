package org.megacity.geo;

/** A division named without its boundary, as it appears in a location or a list. */
public record DivisionSummary(String code, String name, String nameEn) {

    public static DivisionSummary of(Division division) {
        return new DivisionSummary(division.code().value(), division.name(), division.nameEn());
    }
}

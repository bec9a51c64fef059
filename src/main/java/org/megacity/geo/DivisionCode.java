package org.megacity.geo;

import java.util.Optional;

/**
 * The code of a division or unit grid: 6, 9, 12 or 15 decimal digits, each level's code beginning
 * with its parent's.
 */
public record DivisionCode(String value) implements Comparable<DivisionCode> {

    public DivisionCode {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a division code is required");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("division code '" + value + "' must contain only digits");
            }
        }
        if (DivisionLevel.ofCodeLength(value.length()).isEmpty()) {
            throw new IllegalArgumentException("division code '" + value
                    + "' must have 6 (district), 9 (street), 12 (community) or 15 (grid) digits");
        }
    }

    public static DivisionCode of(String value) {
        return new DivisionCode(value);
    }

    public DivisionLevel level() {
        return DivisionLevel.ofCodeLength(value.length()).orElseThrow();
    }

    /** The code of the division this one lies in; empty for a district. */
    public Optional<DivisionCode> parent() {
        return level().parent().map(p -> new DivisionCode(value.substring(0, p.codeLength())));
    }

    /** Whether this code is {@code other} or lies within it. */
    public boolean isWithin(DivisionCode other) {
        return value.startsWith(other.value);
    }

    /** This code at a higher (or the same) level, e.g. the district of a grid. */
    public DivisionCode ancestorAt(DivisionLevel level) {
        if (level.codeLength() > value.length()) {
            throw new IllegalArgumentException(level.nameEn() + " is below " + level().nameEn());
        }
        return new DivisionCode(value.substring(0, level.codeLength()));
    }

    @Override
    public int compareTo(DivisionCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

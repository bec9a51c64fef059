package org.megacity.organization;

import java.util.regex.Pattern;

/**
 * The stable code of a department, e.g. {@code water}, {@code city-appearance}, {@code hotline-12345}:
 * lower-case letters, digits and hyphens. Accounts are bound to departments by this code.
 */
public record DepartmentCode(String value) implements Comparable<DepartmentCode> {

    private static final Pattern FORM = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public DepartmentCode {
        if (value == null || value.length() < 2 || value.length() > 40 || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("department code '" + value
                    + "' must be 2 to 40 lower-case letters, digits and single hyphens");
        }
    }

    public static DepartmentCode of(String value) {
        return new DepartmentCode(value);
    }

    @Override
    public int compareTo(DepartmentCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

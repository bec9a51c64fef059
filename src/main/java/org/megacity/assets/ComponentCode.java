package org.megacity.assets;

import java.util.regex.Pattern;

/**
 * A city component's 16-digit code (DOMAIN.md §2, GB/T 30428.2 style): 6-digit district code, 2-digit
 * major class, 2-digit minor class, 6-digit serial; {@code 5001030101000001} is a water-supply manhole
 * cover in 渝中区.
 */
public record ComponentCode(String value) implements Comparable<ComponentCode> {

    private static final Pattern FORM = Pattern.compile("\\d{6}(0[1-6])\\d{2}\\d{6}");

    public ComponentCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a component code has 16 digits: 6 district, 2 major class (01-06),"
                    + " 2 minor class, 6 serial; got '" + value + "'");
        }
    }

    public static ComponentCode of(String value) {
        return new ComponentCode(value);
    }

    public static ComponentCode of(String district, int major, int minor, int serial) {
        return new ComponentCode(String.format("%s%02d%02d%06d", district, major, minor, serial));
    }

    /** The code as a number (the component's id). */
    public long number() {
        return Long.parseLong(value);
    }

    /** The code of a component id. */
    public static ComponentCode ofNumber(long id) {
        return new ComponentCode(String.format("%016d", id));
    }

    public String district() {
        return value.substring(0, 6);
    }

    /** 01 public facilities, 02 roads and traffic, 03 appearance and environment, 04 greening, 05 housing and land, 06 other. */
    public int majorClass() {
        return Integer.parseInt(value.substring(6, 8));
    }

    public int minorClass() {
        return Integer.parseInt(value.substring(8, 10));
    }

    /** Major and minor class, {@code 0101}. */
    public String classCode() {
        return value.substring(6, 10);
    }

    @Override
    public int compareTo(ComponentCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

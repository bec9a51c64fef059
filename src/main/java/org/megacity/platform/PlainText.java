package org.megacity.platform;

/**
 * Whether a string can be stored and shown as text: valid Unicode (no unpaired surrogate, which
 * neither UTF-8 nor the databases can hold), no control character but tab, line feed and carriage
 * return (PostgreSQL refuses NUL; XML 1.0 cannot carry the others), no noncharacter U+FFFE or U+FFFF.
 * Modules check what people send with it, so such input is refused with a 400 naming the field
 * instead of failing at the database or in a response.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why {@code value} is not storable text, or {@code null} when it is (or is null). */
    public static String problem(String value) {
        int at = offending(value);
        if (at < 0) {
            return null;
        }
        return Character.isSurrogate(value.charAt(at)) ? "is not valid Unicode (an unpaired surrogate at " + at + ")"
                : "contains a control character at " + at;
    }

    /** Where the first character that makes {@code value} not storable text is, or -1. */
    public static int offending(String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)
                    || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            }
        }
        return -1;
    }

    /** Adds a violation for {@code field} to {@code violations} when {@code value} is not storable text. */
    public static void check(java.util.List<Problems.Violation> violations, String field, String value) {
        String problem = problem(value);
        if (problem != null) {
            violations.add(new Problems.Violation(field, problem));
        }
    }
}

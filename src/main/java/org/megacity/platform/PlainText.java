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
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode (an unpaired surrogate at " + i + ")";
            } else if ((Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') || c == '\uFFFE' || c == '\uFFFF') {
                return "contains a control character at " + i;
            }
        }
        return null;
    }

    /** Adds a violation for {@code field} to {@code violations} when {@code value} is not storable text. */
    public static void check(java.util.List<Problems.Violation> violations, String field, String value) {
        String problem = problem(value);
        if (problem != null) {
            violations.add(new Problems.Violation(field, problem));
        }
    }
}

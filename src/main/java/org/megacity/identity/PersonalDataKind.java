package org.megacity.identity;

/**
 * Kinds of personal data and how each is masked for display. Masking works on Unicode code points,
 * never lengthens or shortens a value, and only ever replaces characters with {@code *}; what it
 * keeps follows common practice in Chinese government systems (and GB/T 35273):
 *
 * <ul>
 * <li>{@link #PHONE}: 11 or more characters keep the first 3 and the last 4
 *     ({@code 13812341234} → {@code 138****1234}); 7 to 10 keep the last 4; shorter ones are
 *     masked whole.</li>
 * <li>{@link #ID_NUMBER}: 15 or more characters (the 18-character resident ID, the old 15-digit
 *     one) keep the first 3 (the province and city) and the last 4 ({@code 110***********1234});
 *     6 to 14 (passports, permits) keep the first and the last; shorter ones are masked whole.</li>
 * <li>{@link #NAME}: one character becomes {@code *}; two keep the first ({@code 张*}); longer
 *     ones keep the first and the last ({@code 张*三}, {@code 欧**明}).</li>
 * <li>{@link #EMAIL}: the local part keeps its first character, the domain is kept
 *     ({@code z*******@example.com}); without an {@code @} it is masked like a name.</li>
 * </ul>
 *
 * In every case at least a third of the characters are masked.
 */
public enum PersonalDataKind {
    NAME, PHONE, ID_NUMBER, EMAIL;

    /** The value masked for display; {@code null} stays {@code null}. */
    public String mask(String value) {
        if (value == null) {
            return null;
        }
        int[] cp = value.codePoints().toArray();
        return switch (this) {
            case PHONE -> cp.length >= 11 ? keep(cp, 3, 4) : cp.length >= 7 ? keep(cp, 0, 4) : keep(cp, 0, 0);
            case ID_NUMBER -> cp.length >= 15 ? keep(cp, 3, 4) : cp.length >= 6 ? keep(cp, 1, 1) : keep(cp, 0, 0);
            case NAME -> name(cp);
            case EMAIL -> email(value, cp);
        };
    }

    private static String name(int[] cp) {
        return switch (cp.length) {
            case 0 -> "";
            case 1 -> keep(cp, 0, 0);
            case 2 -> keep(cp, 1, 0);
            default -> keep(cp, 1, 1);
        };
    }

    private static String email(String value, int[] cp) {
        int at = value.lastIndexOf('@');
        if (at <= 0) {
            return name(cp);
        }
        int[] local = value.substring(0, at).codePoints().toArray();
        return keep(local, 1, 0) + value.substring(at);
    }

    /** Keeps the first {@code head} and last {@code tail} code points, masking the rest. */
    private static String keep(int[] cp, int head, int tail) {
        StringBuilder out = new StringBuilder(cp.length);
        for (int i = 0; i < cp.length; i++) {
            if (i < head || i >= cp.length - tail) {
                out.appendCodePoint(cp[i]);
            } else {
                out.append('*');
            }
        }
        return out.toString();
    }
}

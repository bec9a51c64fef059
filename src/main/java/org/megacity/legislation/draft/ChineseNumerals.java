package org.megacity.legislation.draft;

import java.util.OptionalInt;

/**
 * Chinese numerals as legal texts write them: 一 to 九, 十, 百, 千, 万 and 零 for a gap
 * (第十条, 第一百零五条, 第一百二十条, 第一千二百六十条). {@link #format} writes the canonical form
 * (十 for 10, 一百一十 for 110, 一千零一 for 1001); {@link #parse} accepts that form and the usual
 * variants (一十, 〇 and 两 for digits), and refuses anything malformed rather than guessing.
 */
public final class ChineseNumerals {

    /** The largest number accepted: 99,999,999 (九千九百九十九万九千九百九十九). */
    public static final int MAX = 99_999_999;

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** Whether {@code c} may appear in a numeral. */
    public static boolean isNumeralChar(char c) {
        return digit(c) >= 0 || unit(c) > 0;
    }

    /**
     * The value of a numeral, or empty when it is not a well-formed numeral in 1..{@link #MAX}.
     * Well-formed means: the canonical form of its value, allowing 〇 for 零, 两 for 二 and a leading
     * 一十 for 十. So 一百零五 is 105, while 一百五 (colloquial 150), 一二 or 十十 are refused.
     */
    public static OptionalInt parse(CharSequence text) {
        int n = text.length();
        if (n == 0 || n > 20) {
            return OptionalInt.empty();
        }
        long total = 0;
        long section = 0;
        int pending = 0;
        StringBuilder canonical = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int d = digit(c);
            int u = unit(c);
            if (d < 0 && u == 0) {
                return OptionalInt.empty();
            }
            canonical.append(d == 0 ? '零' : d == 2 ? '二' : c);
            if (d >= 0) {
                pending = d;
            } else if (u == 10_000) {
                total += (section + pending) * 10_000;
                section = 0;
                pending = 0;
            } else {
                section += (long) (pending == 0 ? 1 : pending) * u;
                pending = 0;
            }
        }
        long value = total + section + pending;
        if (value < 1 || value > MAX) {
            return OptionalInt.empty();
        }
        if (canonical.length() >= 2 && canonical.charAt(0) == '一' && canonical.charAt(1) == '十') {
            canonical.deleteCharAt(0);
        }
        return format((int) value).contentEquals(canonical) ? OptionalInt.of((int) value) : OptionalInt.empty();
    }

    /** The canonical numeral of {@code value} (1..{@link #MAX}). */
    public static String format(int value) {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("no numeral for " + value + " (1.." + MAX + ")");
        }
        StringBuilder out = new StringBuilder();
        int high = value / 10_000;
        int low = value % 10_000;
        if (high > 0) {
            formatSection(high, out, true);
            out.append('万');
            if (low > 0) {
                if (low < 1000) {
                    out.append('零');
                }
                formatSection(low, out, false);
            }
        } else {
            formatSection(low, out, true);
        }
        return out.toString();
    }

    private static void formatSection(int value, StringBuilder out, boolean leading) {
        int[] units = {1000, 100, 10, 1};
        char[] names = {'千', '百', '十', 0};
        boolean started = false;
        boolean zero = false;
        for (int i = 0; i < units.length; i++) {
            int d = value / units[i] % 10;
            if (d == 0) {
                if (started) {
                    zero = true;
                }
                continue;
            }
            if (zero) {
                out.append('零');
                zero = false;
            }
            boolean omitOne = units[i] == 10 && d == 1 && !started && leading && out.isEmpty();
            if (!omitOne) {
                out.append(DIGITS.charAt(d));
            }
            if (names[i] != 0) {
                out.append(names[i]);
            }
            started = true;
        }
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    private static int unit(char c) {
        return switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            case '万' -> 10_000;
            default -> 0;
        };
    }
}

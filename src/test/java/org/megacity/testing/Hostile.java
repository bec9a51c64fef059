package org.megacity.testing;

import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Hostile input for property tests (QuickTheories): what anyone on the internet may send. Two kinds,
 * mixed: structure-aware mutations of a valid input (a token replaced by hostile text, a span deleted
 * or repeated, the text cut short, deep nesting, a value's type changed, bytes that are not UTF-8),
 * which get past the first parser and reach the code behind it; and raw hostile strings (huge
 * numbers, NaN, NUL and other control characters, unpaired surrogates, emoji, right-to-left marks,
 * SQL, script, markup and template fragments, very long values).
 *
 * <p>How many cases a property runs: {@code -Dmegacity.fuzz.cases=N}; by default 10,000 on H2 and
 * 1,000 on PostgreSQL (the same properties, run a second time). The seed is printed and can be fixed
 * with {@code -Dmegacity.fuzz.seed=S} to replay a run.
 */
public final class Hostile {

    /** Fragments that have broken parsers, databases, templates and pages before. */
    public static final List<String> FRAGMENTS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>", "javascript:alert(1)", "{{7*7}}", "${7*7}", "[[${7*7}]]", "#{7*7}",
            "*{7*7}", "</textarea>", "</title>", "<!--", "-->", "]]>", "<![CDATA[x]]>", "<?xml version=\"1.0\"?>",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "&amp;", "&#0;", "&lt;", "\"", "'", "`",
            "\\", "\\u0000", "\\ud800", "' OR '1'='1", "'; DROP TABLE cases_case; --", "\" OR 1=1 --", "%", "_", "%%",
            "%s%n%x", "../../../etc/passwd", "=cmd|' /C calc'!A0", "@SUM(1+1)", ",", ";", ":", "\u0000", "\u0001", "\u0007",
            "\b", "\u001b[31m", "\u007f", "\u0085", "\r", "\n", "\r\n", "\t", "\uD800", "\uDBFF", "\uDC00", "\uDFFF",
            "\uD83D\uDE00", "👨‍👩‍👧", "\u202E", "\u200F", "\u200B", "\uFEFF", "\uFFFE", "\uFFFF", "\u3000", "第三条", "渝中区",
            "NaN", "-NaN", "Infinity", "-Infinity", "1e309", "-1e309", "4.9e-325", "-0", "0x1F", "1_000", "٣", "１２",
            "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999", "2147483648", "1e2147483647",
            "null", "true", "undefined", "[]", "{}", "[", "{", "]", "}", "{\"a\":", "\"\"", " ", "");

    /** The most characters one repeat mutation adds: big enough to stress a reader, small enough to stay a String. */
    private static final int REPEATED_CHARS = 1 << 20;

    private static final Pattern TOKENS = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|[\\[\\]{}:,;=&\\n<>/]|[^\\s\\[\\]{}:,;=&\"<>/]+");

    private Hostile() {
    }

    /** The number of cases each property runs. */
    public static int cases() {
        return Integer.getInteger("megacity.fuzz.cases", TestDatabase.postgres() ? 1_000 : 10_000);
    }

    /** QuickTheories with {@link #cases()} examples and a printed, replayable seed. */
    public static QuickTheory theory(String name) {
        return theory(name, cases());
    }

    public static QuickTheory theory(String name, int examples) {
        long seed = Long.getLong("megacity.fuzz.seed", System.nanoTime());
        System.out.println("hostile input: " + name + ": " + examples + " cases, seed " + seed
                + " (replay with -Dmegacity.fuzz.seed=" + seed + ")");
        return qt().withFixedSeed(seed).withExamples(examples).withShrinkCycles(0);
    }

    static int pick(RandomnessSource in, int bound) {
        return (int) in.next(Constraint.between(0, bound - 1));
    }

    static String fragment(RandomnessSource in) {
        return FRAGMENTS.get(pick(in, FRAGMENTS.size()));
    }

    /** Any UTF-16 text, unpaired surrogates included. */
    static String anyChars(RandomnessSource in, int max) {
        int length = pick(in, max + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(switch (pick(in, 4)) {
                case 0 -> (char) pick(in, 0x80);
                case 1 -> (char) (0x4e00 + pick(in, 0x5000));
                default -> (char) pick(in, 0x10000);
            });
        }
        return s.toString();
    }

    /** Raw hostile text: fragments, any characters, and both mixed; now and then very long. */
    public static Gen<String> text() {
        return in -> {
            String s = switch (pick(in, 10)) {
                case 0, 1 -> anyChars(in, 60);
                case 2, 3, 4 -> fragment(in);
                case 5 -> number(in);
                case 6 -> fragment(in).repeat(1 + pick(in, pick(in, 2) == 0 ? 40 : 6_000));
                default -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0, n = 1 + pick(in, 5); i < n; i++) {
                        b.append(pick(in, 2) == 0 ? fragment(in) : anyChars(in, 12));
                    }
                    yield b.toString();
                }
            };
            return s;
        };
    }

    /** Numbers as text: valid ones at and beyond the edges, and things that only look like numbers. */
    public static Gen<String> numbers() {
        return Hostile::number;
    }

    static String number(RandomnessSource in) {
        return switch (pick(in, 8)) {
            case 0 -> Long.toString(in.next(Constraint.between(Long.MIN_VALUE, Long.MAX_VALUE)));
            case 1 -> Double.toString(Double.longBitsToDouble(in.next(Constraint.between(Long.MIN_VALUE, Long.MAX_VALUE))));
            case 2 -> Integer.toString(pick(in, 2001) - 1000);
            case 3 -> (pick(in, 2) == 0 ? "-" : "") + "9".repeat(1 + pick(in, 400));
            case 4 -> "1e" + (pick(in, 5000) - 2500);
            case 5 -> "0." + "0".repeat(pick(in, 400)) + "1";
            default -> List.of("NaN", "Infinity", "-Infinity", "-0", "0", "1e309", "0x10", "1,5", "1.2.3", "+1", ".5",
                    "5.", "1e", "--1", "١٢٣", "１", "0.35\u0000", " 1 ", "").get(pick(in, 19));
        };
    }

    /** Numbers JSON can carry that code may not: beyond long and double, tiny, negative zero, many digits. */
    static String jsonNumber(RandomnessSource in) {
        return switch (pick(in, 6)) {
            case 0 -> Long.toString(in.next(Constraint.between(Long.MIN_VALUE, Long.MAX_VALUE)));
            case 1 -> {
                double d = Double.longBitsToDouble(in.next(Constraint.between(Long.MIN_VALUE, Long.MAX_VALUE)));
                yield Double.isFinite(d) ? Double.toString(d) : "1e309";
            }
            case 2 -> Integer.toString(pick(in, 2001) - 1000);
            case 3 -> (pick(in, 2) == 0 ? "-" : "") + "9".repeat(1 + pick(in, 40));
            case 4 -> List.of("1e309", "-1e309", "1e-400", "-0", "0.0", "-0.0", "9223372036854775808", "2147483648",
                    "-2147483649", "4.9e-324", "1.7976931348623157e308").get(pick(in, 11));
            default -> "0." + "0".repeat(pick(in, 30)) + "1";
        };
    }

    /** Hostile text as a JSON string, sometimes escaped (so unpaired surrogates arrive as sent), sometimes raw. */
    public static String jsonString(String text, boolean escapeAll) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20 || (escapeAll && c > 0x7e)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * Structure-aware mutations of valid inputs: one to four changes to the tokens of one of them
     * (strings, numbers, punctuation, words): replaced by hostile text or a hostile number, a string's
     * content replaced, a value's type changed, a token deleted or repeated, the text cut short, or
     * deep nesting inserted.
     */
    public static Gen<String> mutations(List<String> valid) {
        return in -> mutate(valid.get(pick(in, valid.size())), in);
    }

    public static Gen<String> mutations(String... valid) {
        return mutations(List.of(valid));
    }

    static String mutate(String valid, RandomnessSource in) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKENS.matcher(valid);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                tokens.add(valid.substring(last, m.start()));
            }
            tokens.add(m.group());
            last = m.end();
        }
        if (last < valid.length()) {
            tokens.add(valid.substring(last));
        }
        if (tokens.isEmpty()) {
            tokens.add("");
        }
        // half the time a gentle mutation: values only, so a JSON document stays JSON and reaches the code behind the parser
        boolean gentle = pick(in, 2) == 0;
        for (int i = 0, n = 1 + pick(in, 4); i < n; i++) {
            int at = pick(in, tokens.size());
            // mostly a value (a string, a number, a word): the structure around it stays readable
            for (int tries = 0; tries < 8 && pick(in, 4) != 0 && !isValue(tokens.get(at)); tries++) {
                at = pick(in, tokens.size());
            }
            String token = tokens.get(at);
            if (gentle) {
                if (isString(token)) {
                    tokens.set(at, pick(in, 3) == 0 ? jsonString(token.substring(1, token.length() - 1) + textOf(in),
                            pick(in, 2) == 0) : jsonString(textOf(in), pick(in, 2) == 0));
                } else if (token.matches("-?\\d.*")) {
                    tokens.set(at, pick(in, 4) == 0 ? List.of("null", "true", "\"\"", "[]", "{}").get(pick(in, 5)) : jsonNumber(in));
                } else if (isValue(token)) {
                    tokens.set(at, pick(in, 2) == 0 ? token + textOf(in) : textOf(in));
                }
                continue;
            }
            switch (pick(in, 13)) {
                case 0, 1 -> tokens.set(at, isString(token) ? jsonString(textOf(in), pick(in, 2) == 0) : textOf(in));
                case 11 -> tokens.set(at, isString(token) ? jsonString(textOf(in), pick(in, 2) == 0)
                        : token + fragment(in));
                case 2, 3 -> tokens.set(at, token.matches("-?\\d.*") || pick(in, 2) == 0 ? number(in)
                        : jsonString(number(in), false));
                case 4 -> tokens.set(at, List.of("null", "true", "[]", "{}", "\"\"", "[1,2]", "{\"a\":{}}", "0")
                        .get(pick(in, 8)));
                case 5 -> tokens.remove(at);
                case 6 -> {
                    // a token repeated again after an earlier repeat grows as a product: keep each repeat under
                    // REPEATED_CHARS, or four of them overflow a String (a seed in CI did: "Required length
                    // exceeds implementation limit")
                    int times = 1 + pick(in, pick(in, 2) == 0 ? 3 : 2_000);
                    tokens.add(at, token.repeat(Math.min(times, Math.max(1, REPEATED_CHARS / Math.max(1, token.length())))));
                }
                case 7 -> {
                    while (tokens.size() > at + 1) {
                        tokens.removeLast();
                    }
                }
                case 8 -> {
                    int depth = 1 + pick(in, pick(in, 2) == 0 ? 50 : 5_000);
                    String open = pick(in, 2) == 0 ? "[" : "{\"a\":";
                    tokens.add(at, open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(pick(in, 2) == 0 ? depth : 0));
                }
                case 9 -> tokens.add(at, fragment(in));
                case 10 -> {
                    int other = pick(in, tokens.size());
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, token);
                }
                default -> tokens.set(at, isString(token) ? jsonString(token.substring(1, token.length() - 1)
                        + textOf(in), pick(in, 2) == 0) : token + fragment(in));
            }
            if (tokens.isEmpty()) {
                tokens.add("");
            }
        }
        return String.join("", tokens);
    }

    private static boolean isString(String token) {
        return token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"");
    }

    private static boolean isValue(String token) {
        return !token.isEmpty() && (token.charAt(0) == '"' || Character.isLetterOrDigit(token.charAt(0))
                || token.charAt(0) == '-');
    }

    private static String textOf(RandomnessSource in) {
        return text().generate(in);
    }

    /**
     * Bodies as bytes: mutations of the valid ones and raw hostile text in UTF-8 (unpaired surrogates
     * encoded as their three bytes, which is not UTF-8), and now and then bytes that are not UTF-8 at all.
     */
    public static Gen<byte[]> bodies(List<String> valid) {
        Gen<String> mutations = mutations(valid);
        return in -> {
            String s = switch (pick(in, 10)) {
                case 0 -> text().generate(in);
                default -> mutations.generate(in);
            };
            byte[] bytes = wtf8(s);
            if (pick(in, 8) == 0 && bytes.length > 0) {
                byte[] bad = {(byte) 0xff, (byte) 0xc3, (byte) 0x28, (byte) 0xc0, (byte) 0xaf, (byte) 0xed, (byte) 0xa0,
                        (byte) 0x80, (byte) 0xf8, (byte) 0x80, 0};
                bytes = bytes.clone();
                for (int i = 0, n = 1 + pick(in, 3); i < n; i++) {
                    bytes[pick(in, bytes.length)] = bad[pick(in, bad.length)];
                }
            }
            return bytes;
        };
    }

    /** UTF-8, except that an unpaired surrogate is written as its own three bytes (as a careless client would). */
    public static byte[] wtf8(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.writeBytes(s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                out.write(0xe0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3f));
                out.write(0x80 | (c & 0x3f));
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    /**
     * Query strings (or form bodies) over the named parameters: each absent, given one of its valid values,
     * given hostile text or a hostile number, or given twice; now and then an unknown parameter besides.
     * Encoded with {@link #query}; without the leading '?'.
     */
    public static Gen<String> parameters(java.util.Map<String, List<String>> valid) {
        List<String> names = List.copyOf(valid.keySet());
        return in -> {
            StringBuilder q = new StringBuilder();
            for (String name : names) {
                List<String> values = valid.get(name);
                int kind = pick(in, 8);
                int times = kind == 7 ? 2 : kind == 0 ? 0 : 1;
                for (int t = 0; t < times; t++) {
                    String v = switch (kind) {
                        case 1, 2, 3 -> values.isEmpty() ? number(in) : values.get(pick(in, values.size()));
                        case 4 -> number(in);
                        default -> text().generate(in);
                    };
                    q.append(q.isEmpty() ? "" : "&").append(query(name)).append('=').append(query(v));
                }
            }
            if (pick(in, 6) == 0) {
                q.append(q.isEmpty() ? "" : "&").append(query(text().generate(in))).append('=')
                        .append(query(text().generate(in)));
            }
            if (pick(in, 20) == 0) {
                q.append(List.of("&&", "=", "&=x", "%", "%zz", "%C0%AF", "%ED%A0%80", "%00", "+", "a=%", "&a").get(pick(in, 11)));
            }
            return q.toString();
        };
    }

    /** A valid value now and then, otherwise hostile text, for a path segment; percent-encoded. */
    public static Gen<String> segments(List<String> valid) {
        return in -> query(pick(in, 4) == 0 && !valid.isEmpty() ? valid.get(pick(in, valid.size())) : text().generate(in));
    }

    /** One of the generators, each as likely. */
    public static <T> Gen<T> oneOf(List<Gen<T>> generators) {
        return in -> generators.get(pick(in, generators.size())).generate(in);
    }

    /** Percent-encodes {@code s} for a URL query (unpaired surrogates as their three bytes, as {@link #wtf8}). */
    public static String query(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : wtf8(s)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}

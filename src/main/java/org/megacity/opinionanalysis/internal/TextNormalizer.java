package org.megacity.opinionanalysis.internal;

import java.text.Normalizer;

/**
 * The normal form in which opinions are compared: Unicode NFKC (full-width letters and digits become
 * half-width, compatibility forms fold), lower case, and only letters and digits kept (punctuation,
 * whitespace, symbols and emoji dropped). Lone surrogates of broken input are dropped too.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** The code points of the normal form; never throws. */
    public static int[] codePoints(String text) {
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        int[] fast = fastPath(text);
        return fast != null ? fast : slowPath(text);
    }

    /** NFKC by the JDK's normaliser, then the filter. */
    static int[] slowPath(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        int[] out = new int[n.length()];
        int size = 0;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                out[size++] = Character.toLowerCase(cp);
            }
        }
        return size == out.length ? out : java.util.Arrays.copyOf(out, size);
    }

    /**
     * The normal form without running the Unicode normaliser, for text made only of characters whose
     * NFKC form is known here: ASCII, the CJK unified ideographs, CJK symbols and punctuation,
     * general punctuation, and the full-width ASCII forms (which NFKC maps to ASCII). {@code null}
     * when the text has any other character.
     */
    private static int[] fastPath(String text) {
        int n = text.length();
        int[] out = new int[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            int c = text.charAt(i);
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c -= 0xFEE0;
            }
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    out[size++] = c + 32;
                } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    out[size++] = c;
                }
            } else if (c >= 0x4E00 && c <= 0x9FFF) {
                out[size++] = c;
            } else if (c >= 0x3001 && c <= 0x303F && (c < 0x3038 || c > 0x303A) || c >= 0x2010 && c <= 0x2027
                    || c == 0x00B7) {
                if (Character.isLetterOrDigit(c)) {
                    out[size++] = c;
                }
            } else {
                return null;
            }
        }
        return size == n ? out : java.util.Arrays.copyOf(out, size);
    }

    /** The normal form as a string. */
    public static String normalize(String text) {
        int[] cps = codePoints(text);
        return new String(cps, 0, cps.length);
    }

    /** Whether most letters are Han, kana or hangul (then shorter shingles are used). */
    public static boolean mostlyCjk(int[] cps) {
        int cjk = 0;
        for (int cp : cps) {
            if (isCjk(cp)) {
                cjk++;
            }
        }
        return cjk * 2 >= cps.length && cjk > 0;
    }

    static boolean isCjk(int cp) {
        if (cp < 0x2E80) {
            return false;
        }
        if (cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0x3041 && cp <= 0x3096 || cp >= 0x30A1 && cp <= 0x30FA || cp >= 0xAC00 && cp <= 0xD7A3) {
            return true;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }
}

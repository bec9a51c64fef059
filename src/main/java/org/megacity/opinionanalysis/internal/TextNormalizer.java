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
        String n = isPlainAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
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
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}

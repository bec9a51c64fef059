package org.megacity.opinionanalysis.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Finds the terms of a learned vocabulary in a text without segmenting it: Latin words are looked up
 * whole; in runs of CJK characters the longest vocabulary term starting at each position is taken
 * (greedy forward maximum matching), by 64-bit fingerprints, without allocating strings. Used to
 * assign opinions beyond the clustering sample to topics, several times faster than smartcn.
 */
final class VocabularyMatcher {

    private static final long P = 0x100000001B3L;

    private final LongIntTable ids;
    private final int longestCjk;

    VocabularyMatcher(String[] terms) {
        ids = new LongIntTable(Math.max(16, terms.length));
        int longest = 2;
        for (int i = 0; i < terms.length; i++) {
            ids.putIfAbsent(fingerprint(terms[i], 0, terms[i].length()), i);
            if (TextNormalizer.isCjk(terms[i].codePointAt(0))) {
                longest = Math.max(longest, terms[i].length());
            }
        }
        longestCjk = Math.min(longest, 8);
    }

    /** The vocabulary ids of the terms found, in order (repeats kept, for term frequencies). */
    int[] match(String text) {
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int[] out = new int[16];
        int size = 0;
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (c < 0x80 ? Character.isLetterOrDigit(c) : Character.isLetter(c) && !TextNormalizer.isCjk(c)) {
                int start = i;
                while (i < n && (t.charAt(i) < 0x80 ? Character.isLetterOrDigit(t.charAt(i))
                        : Character.isLetter(t.charAt(i)) && !TextNormalizer.isCjk(t.charAt(i)))) {
                    i++;
                }
                int id = ids.get(fingerprint(t, start, i));
                if (id >= 0) {
                    if (size == out.length) {
                        out = java.util.Arrays.copyOf(out, size * 2);
                    }
                    out[size++] = id;
                }
            } else if (TextNormalizer.isCjk(c)) {
                int best = -1;
                int bestLength = 0;
                long h = 0xCBF29CE484222325L;
                for (int len = 1; len <= longestCjk && i + len <= n && TextNormalizer.isCjk(t.charAt(i + len - 1)); len++) {
                    h = (h ^ t.charAt(i + len - 1)) * P;
                    if (len >= 2) {
                        int id = ids.get(finish(h, len));
                        if (id >= 0) {
                            best = id;
                            bestLength = len;
                        }
                    }
                }
                if (best >= 0) {
                    if (size == out.length) {
                        out = java.util.Arrays.copyOf(out, size * 2);
                    }
                    out[size++] = best;
                    i += bestLength;
                } else {
                    i++;
                }
            } else {
                i++;
            }
        }
        return java.util.Arrays.copyOf(out, size);
    }

    static long fingerprint(String s, int from, int to) {
        long h = 0xCBF29CE484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * P;
        }
        return finish(h, to - from);
    }

    private static long finish(long h, int length) {
        return Shingles.mix(h + length);
    }
}

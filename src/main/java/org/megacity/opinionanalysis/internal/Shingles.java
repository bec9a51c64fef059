package org.megacity.opinionanalysis.internal;

import java.util.Arrays;

/**
 * Character n-gram shingles of a normalised text, each hashed to 64 bits (a multiply-xorshift mix of
 * its code points) and kept as a sorted set of the high 32 bits, plus the exact-duplicate key of the
 * whole normal form.
 */
public final class Shingles {

    private static final long M = 0x9E3779B97F4A7C15L;

    private Shingles() {
    }

    /** The sorted, distinct shingle hashes; a text shorter than {@code k} is one shingle; empty gives none. */
    public static int[] of(int[] cps, int k) {
        if (cps.length == 0) {
            return new int[0];
        }
        if (cps.length <= k) {
            return new int[] {(int) (hash(cps, 0, cps.length) >>> 32)};
        }
        int n = cps.length - k + 1;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) (hash(cps, i, k) >>> 32);
        }
        Arrays.sort(out);
        int size = 1;
        for (int i = 1; i < n; i++) {
            if (out[i] != out[size - 1]) {
                out[size++] = out[i];
            }
        }
        return size == n ? out : Arrays.copyOf(out, size);
    }

    /** A 64-bit hash of the whole normal form (the exact-duplicate key). */
    public static long exactKey(int[] cps) {
        return hash(cps, 0, cps.length) ^ cps.length;
    }

    static long hash(int[] cps, int from, int length) {
        long h = 0x632BE59BD9B4E019L + length;
        for (int i = from; i < from + length; i++) {
            h = (h ^ cps[i]) * M;
            h ^= h >>> 29;
        }
        return mix(h);
    }

    /** The finaliser of MurmurHash3 (fmix64). */
    public static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** |A ∩ B| of two sorted distinct arrays (a branch-free merge: no mispredicted jumps). */
    public static int intersection(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        int na = a.length;
        int nb = b.length;
        while (i < na && j < nb) {
            int x = a[i];
            int y = b[j];
            common += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += x >= y ? 1 : 0;
        }
        return common;
    }

    /** The Jaccard similarity of two sorted distinct arrays (1 for two empty sets). */
    public static double jaccard(int[] a, int[] b) {
        if (a.length == 0 && b.length == 0) {
            return 1;
        }
        int common = intersection(a, b);
        return (double) common / (a.length + b.length - common);
    }
}

package org.megacity.opinionanalysis.internal;

import java.util.SplittableRandom;

/**
 * MinHash signatures over 32-bit shingle hashes: permutation {@code i} is {@code x -> a[i] * x + b[i]}
 * (mod 2^32, {@code a[i]} odd, so a bijection), seeded; the inner loop over the permutations works on
 * int arrays, which the JIT vectorises. Band keys fold each band's rows into one int.
 */
public final class MinHasher {

    private final int[] a;
    private final int[] b;
    private final int bands;
    private final int rows;

    public MinHasher(long seed, int bands, int rows) {
        this.bands = bands;
        this.rows = rows;
        int n = bands * rows;
        a = new int[n];
        b = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            a[i] = random.nextInt() | 1;
            b[i] = random.nextInt();
        }
    }

    public int permutations() {
        return a.length;
    }

    /** The signature of a non-empty shingle set. */
    public int[] signature(int[] shingles) {
        int n = a.length;
        int[] sig = new int[n];
        java.util.Arrays.fill(sig, Integer.MAX_VALUE);
        int[] a = this.a;
        int[] b = this.b;
        for (int x : shingles) {
            for (int i = 0; i < n; i++) {
                sig[i] = Math.min(sig[i], a[i] * x + b[i]);
            }
        }
        return sig;
    }

    /** One key per band. */
    public int[] bandKeys(int[] signature) {
        int[] keys = new int[bands];
        for (int band = 0; band < bands; band++) {
            long h = 0x2545F4914F6CDD1DL * (band + 1);
            for (int r = 0; r < rows; r++) {
                h = Shingles.mix(h ^ (signature[band * rows + r] & 0xFFFFFFFFL) ^ ((long) r << 40));
            }
            keys[band] = (int) (h >>> 32);
        }
        return keys;
    }
}

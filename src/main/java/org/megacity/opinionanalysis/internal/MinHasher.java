package org.megacity.opinionanalysis.internal;

import java.util.SplittableRandom;

/**
 * MinHash signatures over 32-bit shingle hashes by <em>one-permutation hashing with densification</em>
 * (Shrivastava and Li 2014; Shrivastava 2017): each shingle is hashed once (a seeded 64-bit mix), the
 * high bits pick one of the {@code max(128, bands * rows)} bins and the low bits are its value; a bin keeps the
 * smallest value that falls in it. A bin that no shingle reached borrows the value of a non-empty bin
 * chosen by a seeded sequence of bin numbers that depends only on the empty bin (the same for every
 * text, so two texts borrow alike), after {@value #TRIES} misses the next non-empty bin to the right
 * (rotation). Two signatures agree in a bin with a probability close to the Jaccard similarity of the
 * sets, as with independent permutations, at the cost of one hash per shingle instead of one per
 * shingle and permutation. Band keys fold each band's rows (the first {@code bands * rows} bins) into
 * one int; the low bytes of the first 128 bins are the pre-check sketch of {@link NearDuplicateIndex}.
 */
public final class MinHasher {

    /** Seeded donor choices per empty bin before falling back to rotation. */
    static final int TRIES = 8;

    private static final int EMPTY = Integer.MAX_VALUE;

    private final long salt;
    private final int bins;
    private final int bands;
    private final int rows;
    /** donors[bin * TRIES + t]: the t-th bin an empty bin tries to borrow from. */
    private final short[] donors;

    /** The least number of bins: the signature also serves as the pre-check sketch of {@link NearDuplicateIndex}. */
    public static final int MIN_BINS = 128;

    public MinHasher(long seed, int bands, int rows) {
        this.bands = bands;
        this.rows = rows;
        this.bins = Math.max(MIN_BINS, bands * rows);
        SplittableRandom random = new SplittableRandom(seed);
        this.salt = random.nextLong();
        this.donors = new short[bins * TRIES];
        for (int i = 0; i < donors.length; i++) {
            donors[i] = (short) random.nextInt(bins);
        }
    }

    public int permutations() {
        return bins;
    }

    /** The signature of a non-empty shingle set. */
    public int[] signature(int[] shingles) {
        int n = bins;
        int[] sig = new int[n];
        java.util.Arrays.fill(sig, EMPTY);
        long salt = this.salt;
        for (int x : shingles) {
            long h = Shingles.mix((x & 0xFFFFFFFFL) ^ salt);
            int bin = (int) (((h >>> 32) * n) >>> 32);
            int value = ((int) h) >>> 1;
            if (value < sig[bin]) {
                sig[bin] = value;
            }
        }
        densify(sig);
        return sig;
    }

    /** Fills the empty bins from the non-empty ones (the values read are those before filling). */
    private void densify(int[] sig) {
        int n = sig.length;
        int empty = 0;
        for (int v : sig) {
            empty += v == EMPTY ? 1 : 0;
        }
        if (empty == 0 || empty == n) {
            return;
        }
        boolean[] filled = new boolean[n];
        for (int i = 0; i < n; i++) {
            filled[i] = sig[i] != EMPTY;
        }
        for (int bin = 0; bin < n; bin++) {
            if (filled[bin]) {
                continue;
            }
            int donor = -1;
            for (int t = 0; t < TRIES; t++) {
                int c = donors[bin * TRIES + t];
                if (filled[c]) {
                    donor = c;
                    break;
                }
            }
            if (donor < 0) {
                donor = bin;
                do {
                    donor = donor + 1 == n ? 0 : donor + 1;
                } while (!filled[donor]);
            }
            sig[bin] = sig[donor];
        }
    }

    /** One key per band (from the first {@code bands * rows} bins). */
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

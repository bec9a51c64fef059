package org.megacity.opinionanalysis.internal;

import java.util.Arrays;
import org.megacity.opinionanalysis.AnalysisSettings;

/**
 * Groups opinions into exact and near-duplicates, one opinion at a time. An exact-duplicate pre-pass
 * (64-bit key of the normal form) joins copies to their first occurrence without further work; other
 * texts are shingled, MinHashed and banded (LSH). Each band bucket remembers its first opinion (its
 * leader); a newcomer that lands in a bucket is compared with the leader by the real similarity of
 * the shingle sets (Jaccard, or containment for inserted sentences), unless both are already in one
 * group, and joined to it on success (union-find; a group's root is its earliest member).
 *
 * <p>{@link #prepare} is pure (callers run it in parallel); {@link #add} is sequential, so the result
 * depends only on the input order and the settings.
 */
public final class NearDuplicateIndex {

    /** What {@link #add} needs of a text, computed without touching the index. */
    public record Prepared(boolean groupable, long exactKey, int[] shingles, int[] signature, int[] bandKeys) {
    }

    private final AnalysisSettings settings;
    private final MinHasher hasher;
    private final LongIntTable exact;
    private final IntIntTable[] bands;
    private int size;
    private int[] parent = new int[1024];
    private int[] exactMaster = new int[1024];
    private int[] copies = new int[1024];
    private int[] groupSize = new int[1024];
    private int[][] shingles = new int[1024][];
    private int[][] signatures = new int[1024][];
    private long rejectedBySignature;
    /** The lowest Jaccard similarity either confirmation accepts, less a margin of about four standard errors. */
    private final double signatureFloor;
    private long comparisons;

    public NearDuplicateIndex(AnalysisSettings settings, int expected) {
        this.settings = settings;
        this.hasher = new MinHasher(settings.seed(), settings.bands(), settings.rows());
        double cr = settings.containment() * settings.containmentMinRatio();
        this.signatureFloor = Math.min(settings.jaccard(), cr / (1 + settings.containmentMinRatio() - cr)) - 0.1;
        this.exact = new LongIntTable(Math.max(16, expected));
        this.bands = new IntIntTable[settings.bands()];
        for (int i = 0; i < bands.length; i++) {
            bands[i] = new IntIntTable(Math.max(16, expected));
        }
    }

    public static Prepared prepare(String text, AnalysisSettings settings, MinHasher hasher) {
        int[] cps = TextNormalizer.codePoints(text);
        if (cps.length < Math.max(1, settings.minCampaignChars())) {
            return new Prepared(false, 0, null, null, null);
        }
        int k = TextNormalizer.mostlyCjk(cps) ? settings.shingleCjk() : settings.shingleLatin();
        int[] set = Shingles.of(cps, k);
        int[] signature = hasher.signature(set);
        return new Prepared(true, Shingles.exactKey(cps), set, signature, hasher.bandKeys(signature));
    }

    public Prepared prepare(String text) {
        return prepare(text, settings, hasher);
    }

    public MinHasher hasher() {
        return hasher;
    }

    /** Adds a prepared text; returns its index (0, 1, 2, ... in order of addition). */
    public int add(Prepared p) {
        int doc = store(p);
        if (shingles[doc] != null) {
            int[] keys = p.bandKeys();
            for (int band = 0; band < keys.length; band++) {
                check(bands[band].putIfAbsent(keys[band], doc), doc);
            }
        }
        return doc;
    }

    /**
     * Adds a batch with the same result as {@link #add} one by one: the bucket leaders do not depend
     * on the grouping, so each band's table is filled by its own thread (bands in parallel), then the
     * candidates are checked in input order and band order, as {@code add} does.
     */
    public void addAll(Prepared[] batch) {
        int base = size;
        boolean[] banded = new boolean[batch.length];
        for (int i = 0; i < batch.length; i++) {
            int doc = store(batch[i]); // before reading the field: store may grow the array
            banded[i] = shingles[doc] != null;
        }
        int[][] leaders = new int[bands.length][];
        java.util.stream.IntStream.range(0, bands.length).parallel().forEach(band -> {
            int[] leader = new int[batch.length];
            IntIntTable table = bands[band];
            for (int i = 0; i < batch.length; i++) {
                leader[i] = banded[i] ? table.putIfAbsent(batch[i].bandKeys()[band], base + i) : -1;
            }
            leaders[band] = leader;
        });
        for (int i = 0; i < batch.length; i++) {
            if (banded[i]) {
                for (int[] leader : leaders) {
                    check(leader[i], base + i);
                }
            }
        }
    }

    /** Stores a text and joins an exact copy to its first occurrence; the shingles stay null unless it goes to LSH. */
    private int store(Prepared p) {
        int doc = size++;
        if (doc == parent.length) {
            int n = parent.length * 2;
            parent = Arrays.copyOf(parent, n);
            exactMaster = Arrays.copyOf(exactMaster, n);
            copies = Arrays.copyOf(copies, n);
            groupSize = Arrays.copyOf(groupSize, n);
            shingles = Arrays.copyOf(shingles, n);
            signatures = Arrays.copyOf(signatures, n);
        }
        parent[doc] = doc;
        exactMaster[doc] = doc;
        copies[doc] = 1;
        groupSize[doc] = 1;
        if (!p.groupable()) {
            exactMaster[doc] = -1;
            return doc;
        }
        int master = exact.putIfAbsent(p.exactKey(), doc);
        if (master >= 0) {
            exactMaster[doc] = master;
            copies[master]++;
            union(master, doc);
            return doc;
        }
        shingles[doc] = p.shingles();
        signatures[doc] = p.signature();
        return doc;
    }

    /** Compares a text with its bucket's leader (if any, and not already in one group) and joins them when similar. */
    private void check(int leader, int doc) {
        if (leader >= 0 && find(leader) != find(doc)) {
            comparisons++;
            if (!plausible(signatures[leader], signatures[doc])) {
                rejectedBySignature++;
            } else if (similar(shingles[leader], shingles[doc])) {
                union(leader, doc);
            }
        }
    }

    /**
     * A cheap pre-check on the MinHash signatures: the share of equal values estimates the Jaccard
     * similarity (standard error at most 0.05 with 128 or more permutations); a pair estimated far
     * below both thresholds is not worth the exact comparison.
     */
    boolean plausible(int[] a, int[] b) {
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            equal += a[i] == b[i] ? 1 : 0;
        }
        return equal >= signatureFloor * a.length;
    }

    boolean similar(int[] a, int[] b) {
        int small = Math.min(a.length, b.length);
        int large = Math.max(a.length, b.length);
        boolean containmentPossible = small >= settings.containmentMinRatio() * large;
        if (!containmentPossible && small < settings.jaccard() * large) {
            return false;
        }
        int common = Shingles.intersection(a, b);
        if (common >= settings.jaccard() * (a.length + b.length - common)) {
            return true;
        }
        return containmentPossible && common >= settings.containment() * small;
    }

    /** The group of an opinion: the index of the group's earliest member. */
    public int find(int doc) {
        int[] p = parent;
        while (p[doc] != doc) {
            p[doc] = p[p[doc]];
            doc = p[doc];
        }
        return doc;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra < rb) {
            parent[rb] = ra;
            groupSize[ra] += groupSize[rb];
        } else if (rb < ra) {
            parent[ra] = rb;
            groupSize[rb] += groupSize[ra];
        }
    }

    /** The number of opinions in the opinion's group. */
    public int groupSize(int doc) {
        return groupSize[find(doc)];
    }

    public int size() {
        return size;
    }

    /** Whether the opinion can be in a group at all (long enough). */
    public boolean groupable(int doc) {
        return exactMaster[doc] >= 0;
    }

    /** The first opinion with the same normal form (itself when it is the first); -1 when not groupable. */
    public int exactMaster(int doc) {
        return exactMaster[doc];
    }

    /** How many opinions share this first occurrence's normal form (1 when it has no copy). */
    public int copies(int doc) {
        return copies[doc];
    }

    /** Candidates rejected by the signature pre-check. */
    public long rejectedBySignature() {
        return rejectedBySignature;
    }

    /** Similarity checks made so far (candidates from LSH not already in one group). */
    public long comparisons() {
        return comparisons;
    }
}

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
     * Adds a batch with the same groups as {@link #add} one by one. The bucket leaders do not depend
     * on the grouping, so each band's table is filled by its own thread (bands in parallel). The
     * candidates are then confirmed in parallel, each text against its distinct leaders, on the
     * union-find as it stood before the batch (read only): a leader is skipped when it was already in
     * the text's group then, or in the group of a leader the text has just been confirmed with. Every
     * skipped pair therefore joins two texts that the confirmed pairs join anyway, so the confirmed
     * pairs, joined afterwards in input order, give the same groups (and roots, the earliest member)
     * as the sequential checks.
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
        int[][] confirmed = new int[batch.length][];
        long[] counts = new long[2];
        java.util.stream.IntStream.range(0, batch.length).parallel().forEach(i -> {
            if (banded[i]) {
                confirmed[i] = confirm(base + i, i, leaders, counts);
            }
        });
        comparisons += counts[0];
        rejectedBySignature += counts[1];
        for (int i = 0; i < batch.length; i++) {
            int[] joined = confirmed[i];
            if (joined != null) {
                for (int leader : joined) {
                    union(leader, base + i);
                }
            }
        }
    }

    /** The leaders a text is confirmed similar to (null for none); reads the index only. */
    private int[] confirm(int doc, int i, int[][] leaders, long[] counts) {
        int[] seen = new int[leaders.length];
        int seenCount = 0;
        int[] roots = new int[leaders.length + 1];
        roots[0] = root(doc);
        int rootCount = 1;
        int[] joined = null;
        int joinedCount = 0;
        long compared = 0;
        long rejected = 0;
        next:
        for (int[] band : leaders) {
            int leader = band[i];
            if (leader < 0) {
                continue;
            }
            for (int s = 0; s < seenCount; s++) {
                if (seen[s] == leader) {
                    continue next;
                }
            }
            seen[seenCount++] = leader;
            int r = root(leader);
            for (int s = 0; s < rootCount; s++) {
                if (roots[s] == r) {
                    continue next;
                }
            }
            compared++;
            if (!plausible(signatures[leader], signatures[doc])) {
                rejected++;
            } else if (similar(shingles[leader], shingles[doc])) {
                roots[rootCount++] = r;
                if (joined == null) {
                    joined = new int[4];
                } else if (joinedCount == joined.length) {
                    joined = Arrays.copyOf(joined, joinedCount * 2);
                }
                joined[joinedCount++] = leader;
            }
        }
        if (compared > 0) {
            synchronized (counts) {
                counts[0] += compared;
                counts[1] += rejected;
            }
        }
        return joined == null ? null : Arrays.copyOf(joined, joinedCount);
    }

    /** The root of a text's group without path compression (safe to call from many threads while no one writes). */
    private int root(int doc) {
        int[] p = parent;
        while (p[doc] != doc) {
            doc = p[doc];
        }
        return doc;
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

package org.megacity.opinionanalysis.internal;

import java.util.Arrays;
import org.megacity.opinionanalysis.AnalysisSettings;

/**
 * Groups opinions into exact and near-duplicates, one opinion at a time, in bounded memory.
 *
 * <ol>
 * <li>An exact-duplicate pre-pass (64-bit key of the normal form) joins a copy to its first
 * occurrence without further work.</li>
 * <li>Any other text is shingled, MinHashed and banded (LSH). Each band bucket remembers its first
 * <em>founder</em> (its leader). The text is compared with the leaders of its buckets, skipping a
 * leader already in the text's group and one compared before: first a pre-check on 128-value
 * sketches (one byte per MinHash bin), then the real similarity of the shingle sets (Jaccard, or
 * containment for inserted sentences). Each confirmed leader's group is joined (union-find; a
 * group's root is its earliest member).</li>
 * <li>A text that joined no group is a <em>founder</em>: it becomes the leader of its empty buckets
 * and keeps a compact copy of its shingles (16-bit hashes) and its sketch. A text that joined a group
 * keeps nothing beyond its place in the union-find: later variants of a campaign meet the campaign
 * through its founders. Memory therefore grows with the number of distinct ideas (founders), not
 * with the number of opinions.</li>
 * </ol>
 *
 * <p>{@link #prepare} is pure (callers run it in parallel); {@link #add} and {@link #addAll} are
 * sequential, so the result depends only on the input order and the settings, and a batch gives the
 * same groups as its texts added one by one.
 */
public final class NearDuplicateIndex {

    /** Sketch length: one byte of each of the first {@value} MinHash bins. */
    static final int SKETCH = MinHasher.MIN_BINS;

    /** Sketch chars at the head of a packed founder (two sketch bytes per char). */
    private static final int HEAD = SKETCH / 2;

    /** Shingle sets up to this size are kept as 16-bit hashes; larger ones as their 32-bit hashes. */
    static final int SMALL_SET = 1024;

    /**
     * What {@link #add} needs of a text, computed without touching the index. {@code packed} is a
     * {@code char[]} (sketch, then the sorted distinct 16-bit shingle hashes) or a {@link Large}.
     */
    public record Prepared(boolean groupable, long exactKey, int[] bandKeys, Object packed) {
    }

    /** A founder with more than {@value #SMALL_SET} shingles: its sketch chars and 32-bit shingle set. */
    record Large(char[] sketch, int[] shingles) {
    }

    private final AnalysisSettings settings;
    private final MinHasher hasher;
    private final LongIntTable exact;
    private final IntIntTable[] bands;
    private int size;
    private int[] parent;
    private int[] exactMaster;
    private int[] copies;
    private int[] groupSize;
    /** Per founder, its packed shingles and sketch (null for every other opinion). */
    private Object[] packed;
    private final int[] failed;
    private final int[] leaders;
    private long rejectedBySignature;
    private long comparisons;
    private int founders;
    private long packedChars;
    /** How far below the needed Jaccard similarity a sketch estimate may fall (about 2.4 standard errors). */
    static final double SKETCH_MARGIN = 0.1;

    public NearDuplicateIndex(AnalysisSettings settings, int expected) {
        this.settings = settings;
        this.hasher = new MinHasher(settings.seed(), settings.bands(), settings.rows());
        int initial = Math.max(1024, Math.min(expected, 1 << 22));
        this.exact = new LongIntTable(initial);
        this.bands = new IntIntTable[settings.bands()];
        for (int i = 0; i < bands.length; i++) {
            bands[i] = new IntIntTable(Math.min(initial, 1 << 18));
        }
        this.failed = new int[bands.length];
        this.leaders = new int[bands.length];
        parent = new int[initial];
        exactMaster = new int[initial];
        copies = new int[initial];
        groupSize = new int[initial];
        packed = new Object[initial];
    }

    public static Prepared prepare(String text, AnalysisSettings settings, MinHasher hasher) {
        int[] cps = TextNormalizer.codePoints(text);
        if (cps.length < Math.max(1, settings.minCampaignChars())) {
            return new Prepared(false, 0, null, null);
        }
        int k = TextNormalizer.mostlyCjk(cps) ? settings.shingleCjk() : settings.shingleLatin();
        int[] set = Shingles.of(cps, k);
        int[] signature = hasher.signature(set);
        return new Prepared(true, Shingles.exactKey(cps), hasher.bandKeys(signature), pack(set, signature));
    }

    /** The sketch (low byte of each of the first SKETCH bins) and the shingle set, packed. */
    static Object pack(int[] set, int[] signature) {
        char[] sketch = new char[HEAD];
        for (int i = 0; i < HEAD; i++) {
            sketch[i] = (char) ((signature[2 * i] & 0xFF) << 8 | signature[2 * i + 1] & 0xFF);
        }
        if (set.length > SMALL_SET) {
            return new Large(sketch, set);
        }
        char[] small = small(set);
        char[] out = Arrays.copyOf(sketch, HEAD + small.length);
        System.arraycopy(small, 0, out, HEAD, small.length);
        return out;
    }

    /**
     * The distinct high 16 bits of a sorted set of 32-bit shingle hashes, as unsigned chars in
     * ascending order (the sign bit flipped, so the order of the ints carries over without a sort).
     */
    static char[] small(int[] set) {
        char[] s = new char[set.length];
        int n = 0;
        for (int x : set) {
            char c = (char) ((x >>> 16) ^ 0x8000);
            if (n == 0 || s[n - 1] != c) {
                s[n++] = c;
            }
        }
        return n == s.length ? s : Arrays.copyOf(s, n);
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
        if (exactMaster[doc] != doc) {
            return doc; // too short, or an exact copy
        }
        int[] keys = p.bandKeys();
        Object mine = p.packed();
        int[] leaders = this.leaders;
        for (int band = 0; band < keys.length; band++) {
            leaders[band] = bands[band].get(keys[band]); // independent probes: their cache misses overlap
        }
        int failedCount = 0;
        boolean joined = false;
        int root = doc;
        next:
        for (int band = 0; band < keys.length; band++) {
            int leader = leaders[band];
            if (leader < 0) {
                continue;
            }
            for (int f = 0; f < failedCount; f++) {
                if (failed[f] == leader) {
                    continue next;
                }
            }
            if (joined && find(leader) == root) {
                continue;
            }
            comparisons++;
            Object theirs = packed[leader];
            if (!plausible(theirs, mine)) {
                rejectedBySignature++;
                failed[failedCount++] = leader;
            } else if (similar(theirs, mine)) {
                union(leader, doc);
                root = find(doc);
                joined = true;
            } else {
                failed[failedCount++] = leader;
            }
        }
        if (!joined) {
            for (int band = 0; band < keys.length; band++) {
                bands[band].putIfAbsent(keys[band], doc);
            }
            packed[doc] = mine;
            founders++;
            packedChars += mine instanceof char[] c ? c.length : HEAD + 2L * ((Large) mine).shingles().length;
        }
        return doc;
    }

    /** Adds a batch: the same as adding its texts one by one, in order. */
    public void addAll(Prepared[] batch) {
        for (Prepared p : batch) {
            add(p);
        }
    }

    /** Stores a text and joins an exact copy to its first occurrence. */
    private int store(Prepared p) {
        int doc = size++;
        if (doc == parent.length) {
            int n = parent.length + (parent.length >> 1);
            parent = Arrays.copyOf(parent, n);
            exactMaster = Arrays.copyOf(exactMaster, n);
            copies = Arrays.copyOf(copies, n);
            groupSize = Arrays.copyOf(groupSize, n);
            packed = Arrays.copyOf(packed, n);
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
        }
        return doc;
    }

    private static char[] sketch(Object packed) {
        return packed instanceof Large l ? l.sketch() : (char[]) packed;
    }

    /**
     * A cheap pre-check: the set sizes alone (neither threshold reachable), then the sketches: the
     * share of equal bytes estimates the Jaccard similarity (standard error at most 0.045 with 128
     * bytes), and a pair estimated more than 0.1 below the lowest Jaccard similarity at which either
     * confirmation could succeed for sets of these sizes is not worth the exact comparison.
     */
    boolean plausible(Object a, Object b) {
        int na = setSize(a);
        int nb = setSize(b);
        int small = Math.min(na, nb);
        int large = Math.max(na, nb);
        double j = settings.jaccard();
        double needed = j * (na + nb) / (1 + j); // common shingles for Jaccard j
        if (small >= settings.containmentMinRatio() * large) {
            needed = Math.min(needed, settings.containment() * small);
        } else if (small < j * large) {
            return false;
        }
        double floor = needed / (na + nb - needed) - SKETCH_MARGIN;
        if (floor <= 0) {
            return true;
        }
        char[] x = sketch(a);
        char[] y = sketch(b);
        int equal = 0;
        for (int i = 0; i < HEAD; i++) {
            int d = x[i] ^ y[i];
            equal += ((d & 0xFF) == 0 ? 1 : 0) + ((d >>> 8) == 0 ? 1 : 0);
        }
        return equal >= (floor + (1 - floor) / 256) * SKETCH;
    }

    boolean similar(Object a, Object b) {
        if (a instanceof Large || b instanceof Large) {
            if (a instanceof Large x && b instanceof Large y) {
                return similar(x.shingles().length, y.shingles().length, Shingles.intersection(x.shingles(), y.shingles()));
            }
            // a large set against a small one: compare both as 16-bit hashes (rare)
            Large l = (Large) (a instanceof Large ? a : b);
            char[] s = (char[]) (a instanceof Large ? b : a);
            char[] ls = small(l.shingles());
            char[] lp = Arrays.copyOf(l.sketch(), HEAD + ls.length);
            System.arraycopy(ls, 0, lp, HEAD, ls.length);
            a = lp;
            b = s;
        }
        char[] x = (char[]) a;
        char[] y = (char[]) b;
        int na = x.length - HEAD;
        int nb = y.length - HEAD;
        if (Math.min(na, nb) < Math.min(settings.jaccard(), settings.containmentMinRatio()) * Math.max(na, nb)) {
            return false;
        }
        return similar(na, nb, intersection(x, y));
    }

    /** Jaccard at least the threshold, or containment of the smaller set when it is not too small. */
    private boolean similar(int na, int nb, int common) {
        int small = Math.min(na, nb);
        int large = Math.max(na, nb);
        if (common >= settings.jaccard() * (na + nb - common)) {
            return true;
        }
        return small >= settings.containmentMinRatio() * large && common >= settings.containment() * small;
    }

    private static int setSize(Object packed) {
        return packed instanceof Large l ? l.shingles().length : ((char[]) packed).length - HEAD;
    }

    /**
     * |A ∩ B| of two packed sets (sorted distinct chars after the sketch), branch-free merge: the
     * same merge as {@link Shingles#intersection} on the 16-bit packed form (half the memory of a
     * founder's int[] shingles, which is why it is not converted back to call that one).
     */
    static int intersection(char[] a, char[] b) {
        int i = HEAD;
        int j = HEAD;
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

    /** Candidates rejected by the sketch pre-check. */
    public long rejectedBySignature() {
        return rejectedBySignature;
    }

    /** Similarity checks made so far (bucket leaders not already in the text's group). */
    public long comparisons() {
        return comparisons;
    }

    /** Opinions that joined no group when they arrived, and so keep their shingles and lead their buckets. */
    public int founders() {
        return founders;
    }

    /** Band-table entries in use (one per distinct band key). */
    public long bandEntries() {
        long n = 0;
        for (IntIntTable t : bands) {
            n += t.size();
        }
        return n;
    }

    /** Chars kept for the founders' sketches and shingles. */
    public long packedChars() {
        return packedChars;
    }
}

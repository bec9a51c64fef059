package org.megacity.opinionanalysis.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Topics by spherical k-means over TF-IDF vectors of the opinions' terms: the vocabulary keeps terms
 * in at least two opinions and at most half of them; k grows with the square root of the number of
 * opinions up to a cap; centres start by k-means++ on a seeded sample; Lloyd iterations (at most
 * {@value #ITERATIONS}) assign every opinion to the centre of highest cosine. Labels are the centre's
 * heaviest terms. Deterministic for a seed: assignment runs in parallel but each opinion's choice is
 * independent, and centres are summed in input order.
 */
public final class TopicModel {

    static final int ITERATIONS = 10;
    private static final int SAMPLE = 4000;

    /** A trained model: its vocabulary, idf, centres and the label terms per centre. */
    private final Map<String, Integer> vocabulary;
    private final String[] terms;
    private final float[] idf;
    private final float[][] centres;
    private final List<List<String>> labels;
    private final int[] sizes;

    private TopicModel(Map<String, Integer> vocabulary, String[] terms, float[] idf, float[][] centres,
            List<List<String>> labels, int[] sizes) {
        this.vocabulary = vocabulary;
        this.terms = terms;
        this.idf = idf;
        this.centres = centres;
        this.labels = labels;
        this.sizes = sizes;
    }

    /** An empty model: it assigns nothing. */
    public static TopicModel empty() {
        return new TopicModel(Map.of(), new String[0], new float[0], new float[0][], List.of(), new int[0]);
    }

    /** The result of training: the model and the topic of each training document (-1 for none). */
    public record Trained(TopicModel model, int[] topicOf) {
    }

    /** A sparse, L2-normalised vector. */
    record Vector(int[] ids, float[] weights) {
        static final Vector EMPTY = new Vector(new int[0], new float[0]);

        boolean isEmpty() {
            return ids.length == 0;
        }
    }

    public static Trained train(List<List<String>> docs, long seed, int maxTopics, int labelTerms) {
        int n = docs.size();
        Map<String, Integer> df = new HashMap<>();
        for (List<String> doc : docs) {
            for (String t : new java.util.LinkedHashSet<>(doc)) {
                df.merge(t, 1, Integer::sum);
            }
        }
        int maxDf = n >= 20 ? n / 2 : n;
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            if (e.getValue() >= 2 && e.getValue() <= maxDf) {
                kept.add(e.getKey());
            }
        }
        kept.sort(null);
        Map<String, Integer> vocabulary = new HashMap<>(kept.size() * 2);
        String[] terms = kept.toArray(String[]::new);
        float[] idf = new float[terms.length];
        for (int i = 0; i < terms.length; i++) {
            vocabulary.put(terms[i], i);
            idf[i] = (float) (Math.log((1.0 + n) / (1.0 + df.get(terms[i]))) + 1.0);
        }
        Vector[] vectors = new Vector[n];
        IntStream.range(0, n).parallel().forEach(i -> vectors[i] = vector(docs.get(i), vocabulary, idf));
        int usable = 0;
        for (Vector v : vectors) {
            if (!v.isEmpty()) {
                usable++;
            }
        }
        int[] topicOf = new int[n];
        Arrays.fill(topicOf, -1);
        if (usable == 0 || terms.length == 0) {
            return new Trained(empty(), topicOf);
        }
        int k = (int) Math.max(1, Math.min(maxTopics, Math.round(Math.sqrt(usable / 4.0))));
        int[] usableIds = IntStream.range(0, n).filter(i -> !vectors[i].isEmpty()).toArray();
        float[][] centres = seedCentres(vectors, usableIds, k, terms.length, new SplittableRandom(seed));
        int[] assigned = new int[n];
        Arrays.fill(assigned, -1);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            float[][] current = centres;
            int[] next = new int[n];
            IntStream.range(0, n).parallel().forEach(i -> next[i] = vectors[i].isEmpty() ? -1 : nearest(current, vectors[i]));
            boolean changed = !Arrays.equals(next, assigned);
            assigned = next;
            centres = recentre(vectors, assigned, current, terms.length);
            if (!changed) {
                break;
            }
        }
        // topics numbered by decreasing size (ties by first member)
        int[] counts = new int[centres.length];
        int[] first = new int[centres.length];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            if (assigned[i] >= 0) {
                counts[assigned[i]]++;
                first[assigned[i]] = Math.min(first[assigned[i]], i);
            }
        }
        Integer[] order = IntStream.range(0, centres.length).filter(c -> counts[c] > 0).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (x, y) -> counts[x] != counts[y] ? Integer.compare(counts[y], counts[x]) : Integer.compare(first[x], first[y]));
        int[] rank = new int[centres.length];
        Arrays.fill(rank, -1);
        float[][] sorted = new float[order.length][];
        int[] sizes = new int[order.length];
        List<List<String>> labels = new ArrayList<>();
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
            sorted[r] = centres[order[r]];
            sizes[r] = counts[order[r]];
            labels.add(topTerms(sorted[r], terms, labelTerms));
        }
        for (int i = 0; i < n; i++) {
            topicOf[i] = assigned[i] < 0 ? -1 : rank[assigned[i]];
        }
        return new Trained(new TopicModel(vocabulary, terms, idf, sorted, labels, sizes), topicOf);
    }

    private VocabularyMatcher matcher;

    /**
     * The topic of a text beyond the clustering sample: the terms of the learned vocabulary found in
     * it by {@link VocabularyMatcher} (no segmentation), then the nearest centre; -1 when it has none
     * of the terms. Thread-safe once {@link #prepareMatching()} has run.
     */
    public int assignByMatching(String text) {
        if (centres.length == 0) {
            return -1;
        }
        int[] found = matcher.match(text);
        if (found.length == 0) {
            return -1;
        }
        Map<Integer, Integer> tf = new java.util.TreeMap<>();
        for (int id : found) {
            tf.merge(id, 1, Integer::sum);
        }
        return nearest(centres, weigh(tf, idf));
    }

    public void prepareMatching() {
        if (matcher == null) {
            matcher = new VocabularyMatcher(terms);
        }
    }

    /** The topic for a new document: the nearest centre sharing a term with it, or -1. */
    public int assign(List<String> doc) {
        if (centres.length == 0) {
            return -1;
        }
        Vector v = vector(doc, vocabulary, idf);
        if (v.isEmpty()) {
            return -1;
        }
        int best = nearest(centres, v);
        return dot(centres[best], v) > 0 ? best : -1;
    }

    public int topics() {
        return centres.length;
    }

    /** The label terms of a topic, heaviest first. */
    public List<String> labelTerms(int topic) {
        return labels.get(topic);
    }

    static Vector vector(List<String> doc, Map<String, Integer> vocabulary, float[] idf) {
        if (doc.isEmpty() || vocabulary.isEmpty()) {
            return Vector.EMPTY;
        }
        Map<Integer, Integer> tf = new java.util.TreeMap<>();
        for (String t : doc) {
            Integer id = vocabulary.get(t);
            if (id != null) {
                tf.merge(id, 1, Integer::sum);
            }
        }
        if (tf.isEmpty()) {
            return Vector.EMPTY;
        }
        return weigh(tf, idf);
    }

    static Vector weigh(Map<Integer, Integer> tf, float[] idf) {
        int[] ids = new int[tf.size()];
        float[] w = new float[tf.size()];
        int i = 0;
        double norm = 0;
        for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
            ids[i] = e.getKey();
            w[i] = (float) ((1 + Math.log(e.getValue())) * idf[e.getKey()]);
            norm += w[i] * w[i];
            i++;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int j = 0; j < w.length; j++) {
            w[j] *= inv;
        }
        return new Vector(ids, w);
    }

    static float dot(float[] centre, Vector v) {
        float s = 0;
        for (int j = 0; j < v.ids.length; j++) {
            s += centre[v.ids[j]] * v.weights[j];
        }
        return s;
    }

    static int nearest(float[][] centres, Vector v) {
        int best = 0;
        float bestScore = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            float s = dot(centres[c], v);
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        return best;
    }

    private static float[][] seedCentres(Vector[] vectors, int[] usable, int k, int dims, SplittableRandom random) {
        int[] sample = usable.clone();
        for (int i = sample.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = sample[i];
            sample[i] = sample[j];
            sample[j] = t;
        }
        sample = Arrays.copyOf(sample, Math.min(sample.length, SAMPLE));
        k = Math.min(k, sample.length);
        float[][] centres = new float[k][];
        centres[0] = dense(vectors[sample[random.nextInt(sample.length)]], dims);
        double[] distance = new double[sample.length];
        Arrays.fill(distance, Double.MAX_VALUE);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int s = 0; s < sample.length; s++) {
                double d = Math.max(0, 1 - dot(centres[c - 1], vectors[sample[s]]));
                distance[s] = Math.min(distance[s], d * d);
                total += distance[s];
            }
            int chosen = sample[random.nextInt(sample.length)];
            if (total > 0) {
                double target = random.nextDouble() * total;
                for (int s = 0; s < sample.length; s++) {
                    target -= distance[s];
                    if (target <= 0) {
                        chosen = sample[s];
                        break;
                    }
                }
            }
            centres[c] = dense(vectors[chosen], dims);
        }
        return centres;
    }

    private static float[] dense(Vector v, int dims) {
        float[] d = new float[dims];
        for (int j = 0; j < v.ids.length; j++) {
            d[v.ids[j]] = v.weights[j];
        }
        return d;
    }

    private static float[][] recentre(Vector[] vectors, int[] assigned, float[][] previous, int dims) {
        double[][] sums = new double[previous.length][];
        for (int i = 0; i < vectors.length; i++) {
            int c = assigned[i];
            if (c < 0) {
                continue;
            }
            if (sums[c] == null) {
                sums[c] = new double[dims];
            }
            Vector v = vectors[i];
            for (int j = 0; j < v.ids.length; j++) {
                sums[c][v.ids[j]] += v.weights[j];
            }
        }
        float[][] centres = new float[previous.length][];
        for (int c = 0; c < previous.length; c++) {
            if (sums[c] == null) {
                centres[c] = previous[c];
                continue;
            }
            double norm = 0;
            for (double x : sums[c]) {
                norm += x * x;
            }
            float[] centre = new float[dims];
            double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int t = 0; t < dims; t++) {
                centre[t] = (float) (sums[c][t] * inv);
            }
            centres[c] = centre;
        }
        return centres;
    }

    private static List<String> topTerms(float[] centre, String[] terms, int count) {
        Integer[] ids = new Integer[centre.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        Arrays.sort(ids, (x, y) -> centre[x] != centre[y] ? Float.compare(centre[y], centre[x]) : terms[x].compareTo(terms[y]));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(count * 3, ids.length) && centre[ids[i]] > 0; i++) {
            out.add(terms[ids[i]]);
        }
        return out;
    }
}

package org.megacity.opinionanalysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.megacity.opinionanalysis.internal.AnalysisAssembler;
import org.megacity.opinionanalysis.internal.NearDuplicateIndex;
import org.megacity.opinionanalysis.internal.StanceLexicon;
import org.megacity.opinionanalysis.internal.TermExtractor;
import org.megacity.opinionanalysis.internal.TopicModel;

/**
 * The streaming form of the analysis: opinions are {@link #add added} as they arrive and join the
 * existing campaigns at once (and the topic nearest to them, from the last topic computation);
 * {@link #snapshot()} gives the analysis so far, {@link #recomputeTopics()} re-clusters the topics,
 * and {@link #recompute()} starts over from all opinions received. Not thread-safe: callers
 * serialise (the methods are synchronized).
 */
public final class IncrementalAnalyzer {

    /** Reports progress of a long computation: a stage name, what is done and the total. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (stage, done, total) -> {
        };

        void report(String stage, long done, long total);
    }

    private static final int CHUNK = 16_384;

    /**
     * Topics are clustered over at most this many distinct opinions (a seeded sample, segmented by
     * smartcn); the others are assigned to the nearest topic by matching the learned vocabulary.
     */
    static final int TOPIC_SAMPLE = 50_000;

    private final AnalysisSettings settings;
    private final List<OpinionText> opinions = new ArrayList<>();
    private NearDuplicateIndex index;
    private Stance[] stances = new Stance[1024];
    private int[] topicOf = new int[1024];
    private TopicModel topics = TopicModel.empty();
    private int topicSample = TOPIC_SAMPLE;

    public IncrementalAnalyzer(AnalysisSettings settings) {
        this(settings, 1024);
    }

    IncrementalAnalyzer(AnalysisSettings settings, int expected) {
        this.settings = settings;
        this.index = new NearDuplicateIndex(settings, expected);
    }

    /** For tests: a smaller clustering sample. */
    IncrementalAnalyzer withTopicSample(int size) {
        this.topicSample = size;
        return this;
    }

    public AnalysisSettings settings() {
        return settings;
    }

    public synchronized int size() {
        return opinions.size();
    }

    /** Adds one opinion: it joins a campaign when it is a (near) copy of one received before. */
    public synchronized OpinionAssignment add(OpinionText opinion) {
        NearDuplicateIndex.Prepared p = index.prepare(opinion.text());
        Stance stance = StanceLexicon.hint(opinion.text());
        int doc = store(opinion, p, stance);
        int root = index.find(doc);
        int topic = root != doc ? topicOf[root] : -1;
        if (topic < 0) {
            topic = topics.assign(TermExtractor.terms(opinion.text()));
        }
        topicOf[doc] = topic;
        return AnalysisAssembler.assignment(this.index, settings, opinions, doc, topicOf, stances);
    }

    /**
     * Adds many opinions; the expensive per-text work (normalising, shingling, MinHash, stance) runs
     * in parallel and overlaps with the grouping of the chunk before, which runs in input order.
     */
    public synchronized void addAll(List<OpinionText> batch, Progress progress) {
        CompletableFuture<Chunk> next = prepare(batch, 0);
        for (int from = 0; from < batch.size(); from += CHUNK) {
            Chunk chunk = next.join();
            int to = Math.min(batch.size(), from + CHUNK);
            next = to < batch.size() ? prepare(batch, to) : null;
            int first = index.size();
            index.addAll(chunk.prepared);
            for (int i = 0; i < chunk.prepared.length; i++) {
                int doc = first + i;
                remember(batch.get(from + i), doc, chunk.hints[i]);
                topicOf[doc] = -1;
            }
            progress.report("near-duplicates", to, batch.size());
        }
    }

    private record Chunk(NearDuplicateIndex.Prepared[] prepared, Stance[] hints) {
    }

    private CompletableFuture<Chunk> prepare(List<OpinionText> batch, int from) {
        NearDuplicateIndex target = index;
        return CompletableFuture.supplyAsync(() -> {
            List<OpinionText> chunk = batch.subList(from, Math.min(batch.size(), from + CHUNK));
            NearDuplicateIndex.Prepared[] prepared = new NearDuplicateIndex.Prepared[chunk.size()];
            Stance[] hints = new Stance[chunk.size()];
            IntStream.range(0, chunk.size()).parallel().forEach(i -> {
                prepared[i] = target.prepare(chunk.get(i).text());
                hints[i] = StanceLexicon.hint(chunk.get(i).text());
            });
            return new Chunk(prepared, hints);
        });
    }

    public void addAll(List<OpinionText> batch) {
        addAll(batch, Progress.NONE);
    }

    private int store(OpinionText opinion, NearDuplicateIndex.Prepared p, Stance stance) {
        int doc = index.add(p);
        remember(opinion, doc, stance);
        return doc;
    }

    private void remember(OpinionText opinion, int doc, Stance stance) {
        opinions.add(opinion);
        if (doc >= stances.length) {
            stances = Arrays.copyOf(stances, stances.length * 2);
            topicOf = Arrays.copyOf(topicOf, topicOf.length * 2);
        }
        stances[doc] = stance;
    }

    /**
     * Clusters the topics afresh over the opinions in no campaign and one representative per
     * campaign; campaign members take their representative's topic.
     */
    public synchronized void recomputeTopics(Progress progress) {
        int n = opinions.size();
        int[] distinct = AnalysisAssembler.distinctDocs(index, settings, n);
        int[] sample = distinct;
        if (distinct.length > topicSample) {
            sample = distinct.clone();
            java.util.SplittableRandom random = new java.util.SplittableRandom(settings.seed() ^ 0x7091CL);
            for (int i = 0; i < topicSample; i++) {
                int j = i + random.nextInt(sample.length - i);
                int t = sample[i];
                sample[i] = sample[j];
                sample[j] = t;
            }
            sample = Arrays.copyOf(sample, topicSample);
            Arrays.sort(sample);
        }
        int[] chosen = sample;
        progress.report("topics: words", 0, chosen.length);
        List<List<String>> docs = new ArrayList<>(chosen.length);
        for (int i = 0; i < chosen.length; i++) {
            docs.add(null);
        }
        IntStream.range(0, chosen.length).parallel().forEach(i -> docs.set(i, TermExtractor.terms(opinions.get(chosen[i]).text())));
        progress.report("topics: clustering", chosen.length, chosen.length);
        TopicModel.Trained trained = TopicModel.train(docs, settings.seed(), settings.maxTopics(), settings.topicTerms());
        topics = trained.model();
        Arrays.fill(topicOf, -1);
        for (int i = 0; i < chosen.length; i++) {
            topicOf[chosen[i]] = trained.topicOf()[i];
        }
        if (chosen.length < distinct.length) {
            TopicModel model = topics;
            model.prepareMatching();
            boolean[] inSample = new boolean[n];
            for (int doc : chosen) {
                inSample[doc] = true;
            }
            int[] rest = Arrays.stream(distinct).filter(doc -> !inSample[doc]).toArray();
            IntStream.range(0, rest.length).parallel()
                    .forEach(i -> topicOf[rest[i]] = model.assignByMatching(opinions.get(rest[i]).text()));
            progress.report("topics: assignment", distinct.length, distinct.length);
        }
        AnalysisAssembler.inheritTopics(index, settings, n, topicOf);
    }

    public void recomputeTopics() {
        recomputeTopics(Progress.NONE);
    }

    /** Starts over from every opinion received: campaigns and topics computed afresh. */
    public synchronized OpinionAnalysis recompute(Progress progress) {
        List<OpinionText> all = new ArrayList<>(opinions);
        opinions.clear();
        index = new NearDuplicateIndex(settings, all.size());
        addAll(all, progress);
        recomputeTopics(progress);
        return snapshot();
    }

    public OpinionAnalysis recompute() {
        return recompute(Progress.NONE);
    }

    /** The analysis of everything received so far. */
    public synchronized OpinionAnalysis snapshot() {
        return AnalysisAssembler.assemble(index, settings, opinions, topicOf, stances, topics);
    }

    /** Similarity checks made by the near-duplicate pass so far (for benchmarks). */
    public synchronized long comparisons() {
        return index.comparisons();
    }
}

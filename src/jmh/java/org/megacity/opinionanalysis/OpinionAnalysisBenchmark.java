package org.megacity.opinionanalysis;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.megacity.opinionanalysis.internal.TextNormalizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The opinion analysis at national scale, on the labelled corpus of {@link OpinionCorpus} (70 %
 * campaign variants of 8 form letters, 30 % organic opinions, 70 % Chinese; about 120 characters on
 * average for Chinese): the whole analysis (campaigns and topics) of {@code size} opinions, the
 * near-duplicate pass alone, and in the same run two baselines: exact-hash grouping of the normal
 * form (what a plain {@code GROUP BY} finds), and Lucene MoreLikeThis (smartcn) on a sample of
 * {@value #MLT_SAMPLE} opinions, each one querying the index for its top ten look-alikes (time per
 * opinion; its pairwise precision and recall are printed at setup).
 *
 * <p>Run: {@code ./megacity bench OpinionAnalysis} (single shots; add {@code -p size=3000000} and
 * {@code -jvmArgs -Xmx8g} for a larger stream).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
public class OpinionAnalysisBenchmark {

    static final int MLT_SAMPLE = 5000;

    /** The large corpus. */
    @State(Scope.Benchmark)
    public static class Corpus {
    @Param({"1000000"})
    public int size;

    List<OpinionText> opinions;
    List<String> texts;

    @Setup(Level.Trial)
    public void corpus() throws IOException {
        List<OpinionCorpus.Labelled> corpus = OpinionCorpus.generate(42, 8, size * 7 / 10, size - size * 7 / 10);
        opinions = OpinionCorpus.opinions(corpus);
        texts = opinions.stream().map(OpinionText::text).toList();
        long chars = 0;
        long zh = 0;
        long zhChars = 0;
        for (OpinionText o : opinions) {
            chars += o.text().length();
            if (TextNormalizer.mostlyCjk(TextNormalizer.codePoints(o.text()))) {
                zh++;
                zhChars += o.text().length();
            }
        }
        System.out.printf("%n%,d opinions, %.0f characters on average (Chinese ones: %,d, %.0f characters)%n", opinions.size(),
                (double) chars / opinions.size(), zh, (double) zhChars / Math.max(1, zh));
    }
    }

    /** A sample of the same kind of corpus, indexed in Lucene for the MoreLikeThis baseline. */
    @State(Scope.Benchmark)
    public static class Sample {
        MoreLikeThisBaseline mlt;
        List<OpinionText> opinions;

        @Setup(Level.Trial)
        public void index() throws IOException {
            List<OpinionCorpus.Labelled> sample = OpinionCorpus.generate(42, 8, MLT_SAMPLE * 7 / 10, MLT_SAMPLE - MLT_SAMPLE * 7 / 10);
            opinions = OpinionCorpus.opinions(sample);
            mlt = new MoreLikeThisBaseline(opinions);
            List<String> labels = sample.stream().map(OpinionCorpus.Labelled::label).toList();
            System.out.println("\nMoreLikeThis baseline on the sample: " + PairwiseScore.of(labels, mlt.groupAll()));
            OpinionAnalysis ours = new OpinionAnalyzer().analyse(OpinionCorpus.opinions(sample));
            System.out.println("This engine on the same sample: "
                    + PairwiseScore.of(labels, ours.assignments().stream().map(OpinionAssignment::campaignId).toList()));
        }
    }

    /** This engine on the MoreLikeThis sample, for the same-size comparison. */
    @Benchmark
    public OpinionAnalysis analyseSample(Sample sample) {
        return new OpinionAnalyzer().analyse(sample.opinions);
    }

    /** Campaigns and topics of all opinions. */
    @Benchmark
    public OpinionAnalysis analyseAll(Corpus corpus) {
        OpinionAnalysis analysis = new OpinionAnalyzer().analyse(corpus.opinions);
        System.out.printf("  %,d campaigns holding %,d opinions, %,d topics%n", analysis.campaigns().size(),
                analysis.campaignOpinions(), analysis.topics().size());
        return analysis;
    }

    /**
     * The near-duplicate pass alone ({@link CampaignStream}: normalise, exact pre-pass, shingle,
     * MinHash, LSH, confirm, union; no stance, topics or texts kept). Prints the process CPU time.
     */
    @Benchmark
    public long nearDuplicatePass(Corpus corpus) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = processCpuNanos();
        long grouping = threads.getCurrentThreadCpuTime();
        CampaignStream stream = new OpinionAnalyzer().campaignStream();
        stream.addAll(corpus.texts);
        grouping = threads.getCurrentThreadCpuTime() - grouping;
        cpu = processCpuNanos() - cpu;
        CampaignStream.Stats s = stream.stats();
        int n = corpus.texts.size();
        System.out.printf("  process CPU %.2f s (%.2f µs per opinion), of which the grouping thread %.2f s (%.2f µs per opinion); "
                + "founders %,d, comparisons %.2f per opinion%n", cpu / 1e9, cpu / 1e3 / n, grouping / 1e9, grouping / 1e3 / n,
                s.founders(), s.comparisons() / (double) n);
        return s.comparisons();
    }

    /** The whole analysis's near-duplicate step ({@link IncrementalAnalyzer#addAll}: the pass plus stance hints, texts kept). */
    @Benchmark
    public long incrementalAddAll(Corpus corpus) {
        List<OpinionText> opinions = corpus.opinions;
        IncrementalAnalyzer analyzer = new IncrementalAnalyzer(AnalysisSettings.defaults(), opinions.size());
        analyzer.addAll(opinions);
        return analyzer.comparisons();
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Baseline: group by the exact normal form (NFKC, lower case, letters and digits). Prints the process CPU time. */
    @Benchmark
    public int exactHashGrouping(Corpus corpus) {
        long cpu = processCpuNanos();
        List<OpinionText> opinions = corpus.opinions;
        Map<String, Integer> groups = new HashMap<>(opinions.size() * 2);
        for (int i = 0; i < opinions.size(); i++) {
            groups.putIfAbsent(TextNormalizer.normalize(opinions.get(i).text()), i);
        }
        cpu = processCpuNanos() - cpu;
        System.out.printf("  process CPU %.2f s (%.2f µs per opinion)%n", cpu / 1e9, cpu / 1e3 / opinions.size());
        return groups.size();
    }

    /** Baseline: Lucene MoreLikeThis over the sample, one query per opinion (time for the sample). */
    @Benchmark
    public List<String> moreLikeThisSample(Sample sample) throws IOException {
        return sample.mlt.groupAll();
    }

    /** Index the sample with smartcn; each opinion's MoreLikeThis query joins hits scoring at least half its own score. */
    static final class MoreLikeThisBaseline {
        final Analyzer analyzer = new SmartChineseAnalyzer();
        final DirectoryReader reader;
        final int n;

        MoreLikeThisBaseline(List<OpinionText> docs) throws IOException {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (OpinionText o : docs) {
                    Document d = new Document();
                    d.add(new TextField("text", o.text(), Field.Store.YES));
                    w.addDocument(d);
                }
            }
            reader = DirectoryReader.open(dir);
            n = docs.size();
        }

        List<String> groupAll() throws IOException {
            IndexSearcher searcher = new IndexSearcher(reader);
            MoreLikeThis mlt = new MoreLikeThis(reader);
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[] {"text"});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            for (int i = 0; i < n; i++) {
                Query q = mlt.like(i);
                TopDocs top = searcher.search(q, 10);
                float self = 0;
                for (ScoreDoc sd : top.scoreDocs) {
                    if (sd.doc == i) {
                        self = sd.score;
                    }
                }
                if (self == 0 && top.scoreDocs.length > 0) {
                    self = top.scoreDocs[0].score;
                }
                for (ScoreDoc sd : top.scoreDocs) {
                    if (sd.doc != i && sd.score >= 0.5f * self) {
                        int a = find(parent, i);
                        int b = find(parent, sd.doc);
                        parent[Math.max(a, b)] = Math.min(a, b);
                    }
                }
            }
            Map<Integer, Integer> sizes = new HashMap<>();
            for (int i = 0; i < n; i++) {
                sizes.merge(find(parent, i), 1, Integer::sum);
            }
            String[] groups = new String[n];
            for (int i = 0; i < n; i++) {
                int r = find(parent, i);
                groups[i] = sizes.get(r) > 1 ? "g" + r : null;
            }
            return java.util.Arrays.asList(groups);
        }

        private static int find(int[] p, int x) {
            while (p[x] != x) {
                p[x] = p[p[x]];
                x = p[x];
            }
            return x;
        }
    }
}

package org.megacity.opinionanalysis;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * A national-scale stream through the near-duplicate pass ({@link CampaignStream}): {@code total}
 * opinions of the labelled corpus ({@link OpinionCorpus.Stream}, 70 % campaign variants of 8 form
 * letters, 30 % organic) generated on the fly in chunks and never stored, with the pass's wall and
 * process CPU time measured apart from the generation, the heap after a full GC at the end, and
 * pairwise precision and recall on a labelled sample (every {@code sampleEvery}-th opinion).
 *
 * <p>Run (after {@code ./megacity bench} has built the classpath):
 * {@code java -Xmx8g -cp target/test-classes:target/classes:$(cat target/bench-classpath.txt)
 * org.megacity.opinionanalysis.NearDuplicateStreamRun 22000000}
 */
public final class NearDuplicateStreamRun {

    private NearDuplicateStreamRun() {
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 22_000_000L;
        int chunk = args.length > 1 ? Integer.parseInt(args[1]) : 262_144;
        int sampleEvery = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        CampaignStream stream = new OpinionAnalyzer().campaignStream();
        OpinionCorpus.Stream corpus = new OpinionCorpus.Stream(42, 8, 0.7);
        List<String> sampleLabels = new ArrayList<>();
        List<Integer> samplePositions = new ArrayList<>();
        List<String> labels = new ArrayList<>(chunk);
        long passWall = 0;
        long passCpu = 0;
        long genWall = 0;
        long added = 0;
        long nextReport = 1_000_000;
        long maxUsedAfterChunk = 0;
        System.out.printf("stream of %,d opinions, chunks of %,d, max heap %,d MB, %d processors%n", total, chunk,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        while (added < total) {
            int n = (int) Math.min(chunk, total - added);
            long g0 = System.nanoTime();
            List<String> texts = new ArrayList<>(n);
            labels.clear();
            for (int i = 0; i < n; i++) {
                texts.add(corpus.next(labels));
            }
            long g1 = System.nanoTime();
            genWall += g1 - g0;
            long c0 = cpuNanos();
            long w0 = System.nanoTime();
            stream.addAll(texts);
            passWall += System.nanoTime() - w0;
            passCpu += cpuNanos() - c0;
            for (int i = 0; i < n; i++) {
                long pos = added + i;
                if (pos % sampleEvery == 0) {
                    sampleLabels.add(labels.get(i));
                    samplePositions.add((int) pos);
                }
            }
            added += n;
            maxUsedAfterChunk = Math.max(maxUsedAfterChunk, heapUsed());
            if (added >= nextReport || added == total) {
                if (nextReport % 4_000_000 == 0) {
                    System.gc();
                    List<String> groups = new ArrayList<>(samplePositions.size());
                    for (int pos : samplePositions) {
                        groups.add(stream.campaignId(pos));
                    }
                    System.out.printf("%,12d opinions: heap after full GC %,d MB (%.0f bytes per opinion); sample of %,d: %s%n", added,
                            heapUsed() >> 20, heapUsed() / (double) added, samplePositions.size(), PairwiseScore.of(sampleLabels, groups));
                }
                nextReport += 1_000_000;
                CampaignStream.Stats s = stream.stats();
                System.out.printf("%,12d opinions: pass %.1f s wall (%,.0f opinions/s), %.1f s CPU (%.2f µs/opinion); "
                        + "generation %.1f s; heap used %,d MB; founders %,d, band entries %,d, comparisons/opinion %.2f%n",
                        added, passWall / 1e9, added / (passWall / 1e9), passCpu / 1e9, passCpu / 1e3 / added, genWall / 1e9,
                        heapUsed() >> 20, s.founders(), s.bandEntries(), s.comparisons() / (double) added);
            }
        }
        System.gc();
        long live = heapUsed();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        CampaignStream.Stats s = stream.stats();
        System.out.printf("done: %,d opinions, pass %.1f s wall = %,.0f opinions/s; %.1f s process CPU = %.2f µs CPU per opinion%n",
                added, passWall / 1e9, added / (passWall / 1e9), passCpu / 1e9, passCpu / 1e3 / added);
        System.out.printf("heap after full GC %,d MB (%.0f bytes per opinion, %.0f per founder); highest heap seen after a chunk %,d MB; "
                + "sum of heap pools' peaks %,d MB%n", live >> 20, live / (double) added, live / (double) s.founders(),
                maxUsedAfterChunk >> 20, peak >> 20);
        System.out.printf("founders %,d (%.1f %%), band entries %,d, packed chars %,d, comparisons %,d (%.2f per opinion), "
                + "settled by the pre-check %,d%n", s.founders(), 100.0 * s.founders() / added, s.bandEntries(), s.packedChars(),
                s.comparisons(), s.comparisons() / (double) added, s.rejectedByPreCheck());
        List<String> groups = new ArrayList<>(samplePositions.size());
        for (int pos : samplePositions) {
            groups.add(stream.campaignId(pos));
        }
        System.out.println("pairwise on the sample of " + samplePositions.size() + " opinions (every " + sampleEvery + "th): "
                + PairwiseScore.of(sampleLabels, groups));
    }
}

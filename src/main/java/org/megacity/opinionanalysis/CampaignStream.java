package org.megacity.opinionanalysis;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.megacity.opinionanalysis.internal.AnalysisAssembler;
import org.megacity.opinionanalysis.internal.NearDuplicateIndex;

/**
 * The near-duplicate pass alone, for streams too large to keep (a national docket of tens of
 * millions of opinions): texts are {@link #add added} as they arrive and grouped into campaigns as
 * {@link OpinionAnalyzer#analyse} would group them (same settings, same order: same groups, same
 * campaign ids), but the texts themselves are not kept. What stays in memory per opinion is its place
 * in the union-find (about 20 bytes) and, only for a <em>founder</em> (an opinion that joined no
 * group when it arrived), its packed shingle set and sketch and its LSH bucket entries; see
 * {@code docs/opinionanalysis.md}. Opinions are numbered 0, 1, 2, ... in order of addition. No topics,
 * heat or stance. Not thread-safe beyond its synchronized methods.
 */
public final class CampaignStream {

    private static final int CHUNK = 16_384;

    private final AnalysisSettings settings;
    private final NearDuplicateIndex index;

    CampaignStream(AnalysisSettings settings, int expected) {
        this.settings = settings;
        this.index = new NearDuplicateIndex(settings, expected);
    }

    /** Adds one text; returns its number. */
    public synchronized int add(String text) {
        return index.add(index.prepare(text));
    }

    /**
     * Adds many texts: the same groups as adding them one by one. Shingles, MinHash and band keys of
     * the next chunk are computed in parallel while the chunk before is grouped, in input order.
     */
    public synchronized void addAll(List<String> texts) {
        CompletableFuture<NearDuplicateIndex.Prepared[]> next = prepare(texts, 0);
        for (int from = 0; from < texts.size(); from += CHUNK) {
            NearDuplicateIndex.Prepared[] chunk = next.join();
            int to = Math.min(texts.size(), from + CHUNK);
            next = to < texts.size() ? prepare(texts, to) : null;
            index.addAll(chunk);
        }
    }

    private CompletableFuture<NearDuplicateIndex.Prepared[]> prepare(List<String> texts, int from) {
        NearDuplicateIndex target = index;
        return CompletableFuture.supplyAsync(() -> {
            List<String> chunk = texts.subList(from, Math.min(texts.size(), from + CHUNK));
            NearDuplicateIndex.Prepared[] prepared = new NearDuplicateIndex.Prepared[chunk.size()];
            IntStream.range(0, chunk.size()).parallel().forEach(i -> prepared[i] = target.prepare(chunk.get(i)));
            return prepared;
        });
    }

    public synchronized int size() {
        return index.size();
    }

    /** The campaign of an opinion ({@code C-n}, as in {@link OpinionAssignment#campaignId()}), or null. */
    public synchronized String campaignId(int opinion) {
        return inCampaign(opinion) ? AnalysisAssembler.campaignId(index.find(opinion)) : null;
    }

    /** Whether the opinion is in a campaign (a group of at least {@code minCampaignSize}). */
    public synchronized boolean inCampaign(int opinion) {
        return index.groupable(opinion) && index.groupSize(opinion) >= settings.minCampaignSize();
    }

    /** The number of opinions in the opinion's campaign (1 when it is in none). */
    public synchronized int campaignSize(int opinion) {
        return inCampaign(opinion) ? index.groupSize(opinion) : 1;
    }

    /** What the index holds, for capacity planning and benchmarks. */
    public synchronized Stats stats() {
        return new Stats(index.size(), index.founders(), index.bandEntries(), index.packedChars(), index.comparisons(),
                index.rejectedBySignature());
    }

    /**
     * @param opinions            opinions added
     * @param founders            opinions that joined no group on arrival (they keep shingles and lead buckets)
     * @param bandEntries         LSH bucket entries
     * @param packedChars         chars of packed shingle sets and sketches kept for the founders
     * @param comparisons         candidate pairs checked
     * @param rejectedByPreCheck  of which settled by the set sizes and sketches alone
     */
    public record Stats(int opinions, int founders, long bandEntries, long packedChars, long comparisons,
            long rejectedByPreCheck) {
    }
}

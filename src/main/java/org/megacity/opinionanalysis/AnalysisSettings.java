package org.megacity.opinionanalysis;

/**
 * The knobs of an analysis. {@link #defaults()} is what the platform uses; the same settings and
 * seed give the same result for the same input.
 *
 * @param seed              seeds the MinHash permutations and the topic clustering
 * @param shingleCjk        character n-gram length for texts mostly in CJK scripts
 * @param shingleLatin      character n-gram length for other texts
 * @param bands             LSH bands
 * @param rows              MinHash values per band ({@code bands * rows} permutations)
 * @param jaccard           shingle-set Jaccard similarity at or above which two opinions are near-duplicates
 * @param containment       share of the smaller shingle set found in the larger at or above which two
 *                          opinions are near-duplicates too (catches inserted sentences) ...
 * @param containmentMinRatio ... provided the smaller set is at least this share of the larger
 * @param minCampaignSize   smallest group reported as a campaign
 * @param minCampaignChars  normalised texts shorter than this ("支持", "agree") never join a campaign
 * @param maxTopics         the most topics a computation makes
 * @param topicTerms        terms in a topic label
 */
public record AnalysisSettings(long seed, int shingleCjk, int shingleLatin, int bands, int rows, double jaccard,
        double containment, double containmentMinRatio, int minCampaignSize, int minCampaignChars, int maxTopics,
        int topicTerms) {

    public AnalysisSettings {
        if (shingleCjk < 1 || shingleLatin < 1 || bands < 1 || rows < 1 || minCampaignSize < 2 || maxTopics < 1
                || topicTerms < 1) {
            throw new IllegalArgumentException("invalid analysis settings");
        }
    }

    public static AnalysisSettings defaults() {
        return new AnalysisSettings(20170518L, 2, 5, 32, 3, 0.35, 0.7, 0.4, 2, 10, 30, 4);
    }

    public AnalysisSettings withSeed(long newSeed) {
        return new AnalysisSettings(newSeed, shingleCjk, shingleLatin, bands, rows, jaccard, containment,
                containmentMinRatio, minCampaignSize, minCampaignChars, maxTopics, topicTerms);
    }

    public AnalysisSettings withMinCampaignSize(int size) {
        return new AnalysisSettings(seed, shingleCjk, shingleLatin, bands, rows, jaccard, containment,
                containmentMinRatio, size, minCampaignChars, maxTopics, topicTerms);
    }

    public AnalysisSettings withMaxTopics(int topics) {
        return new AnalysisSettings(seed, shingleCjk, shingleLatin, bands, rows, jaccard, containment,
                containmentMinRatio, minCampaignSize, minCampaignChars, topics, topicTerms);
    }
}

package org.megacity.opinionanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quality bar of the near-duplicate pass on the labelled corpus ({@link OpinionCorpus}): pairwise
 * precision and recall of at least 0.95 each, over all opinions, and separately over the opinions of
 * campaigns only (so that the organic ones cannot hide a split campaign).
 */
class NearDuplicateQualityTest {

    @Test
    void groupsFormLettersAndTheirVariantsWithPrecisionAndRecallOfAtLeast095() {
        for (long seed : new long[] {1, 2, 3}) {
            List<OpinionCorpus.Labelled> corpus = OpinionCorpus.generate(seed, 8, 6000, 4000);
            OpinionAnalysis analysis = new OpinionAnalyzer().analyse(OpinionCorpus.opinions(corpus));
            List<String> labels = corpus.stream().map(OpinionCorpus.Labelled::label).toList();
            List<String> groups = analysis.assignments().stream().map(OpinionAssignment::campaignId).toList();
            PairwiseScore score = PairwiseScore.of(labels, groups);
            System.out.println("near-duplicate grouping, corpus seed " + seed + ": " + score);
            assertThat(score.precision()).as("precision, seed %d", seed).isGreaterThanOrEqualTo(0.95);
            assertThat(score.recall()).as("recall, seed %d", seed).isGreaterThanOrEqualTo(0.95);
            long organicInCampaigns = 0;
            for (int i = 0; i < corpus.size(); i++) {
                if (!corpus.get(i).campaign() && groups.get(i) != null) {
                    organicInCampaigns++;
                }
            }
            System.out.println("  organic opinions put into a campaign: " + organicInCampaigns + " of 4000; campaigns found: "
                    + analysis.campaigns().size());
            assertThat(organicInCampaigns).as("organic opinions wrongly in campaigns, seed %d", seed).isLessThanOrEqualTo(80);
        }
    }
}

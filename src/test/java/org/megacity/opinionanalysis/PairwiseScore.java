package org.megacity.opinionanalysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pairwise precision and recall of a grouping against labels (pairs in one group vs pairs with one label). */
public record PairwiseScore(long truePairs, long predictedPairs, long correctPairs) {

    public double precision() {
        return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
    }

    public double recall() {
        return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
    }

    /** @param labels the true group of each opinion; @param groups the predicted group (null: alone) */
    public static PairwiseScore of(List<String> labels, List<String> groups) {
        Map<String, Long> byLabel = new HashMap<>();
        Map<String, Long> byGroup = new HashMap<>();
        Map<String, Long> byBoth = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String group = groups.get(i) == null ? "alone:" + i : groups.get(i);
            byLabel.merge(labels.get(i), 1L, Long::sum);
            byGroup.merge(group, 1L, Long::sum);
            byBoth.merge(labels.get(i) + "\u0000" + group, 1L, Long::sum);
        }
        return new PairwiseScore(pairs(byLabel), pairs(byGroup), pairs(byBoth));
    }

    private static long pairs(Map<String, Long> counts) {
        long total = 0;
        for (long c : counts.values()) {
            total += c * (c - 1) / 2;
        }
        return total;
    }

    @Override
    public String toString() {
        return String.format("precision %.4f recall %.4f (true pairs %d, predicted %d, correct %d)", precision(), recall(),
                truePairs, predictedPairs, correctPairs);
    }
}

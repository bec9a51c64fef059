package org.megacity.citymodel.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Shares a whole number among parts in proportion to their weights (largest remainder, Hamilton's method). */
final class Apportionment {

    private Apportionment() {
    }

    /**
     * Integers summing to {@code total}, each at least {@code minimum}, otherwise proportional to the
     * weights. Ties go to the earlier part.
     */
    static int[] share(int total, double[] weights, int minimum) {
        int n = weights.length;
        if ((long) minimum * n > total) {
            throw new IllegalArgumentException("cannot give " + n + " parts at least " + minimum + " of " + total);
        }
        int[] result = new int[n];
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int free = total - minimum * n;
        int given = 0;
        List<Integer> order = new ArrayList<>();
        double[] remainder = new double[n];
        for (int i = 0; i < n; i++) {
            double exact = sum > 0 ? free * weights[i] / sum : (double) free / n;
            result[i] = minimum + (int) Math.floor(exact);
            remainder[i] = exact - Math.floor(exact);
            given += result[i];
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -remainder[i]).thenComparingInt(i -> i));
        for (int k = 0; given < total; k++, given++) {
            result[order.get(k % n)]++;
        }
        return result;
    }
}

package org.megacity.citymodel.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ApportionmentTest {

    @Test
    void sharesInProportionWithLargestRemainders() {
        assertThat(Apportionment.share(10, new double[] {1, 1, 1}, 0)).containsExactly(4, 3, 3);
        assertThat(Apportionment.share(100, new double[] {50, 30, 20}, 0)).containsExactly(50, 30, 20);
        assertThat(Apportionment.share(7, new double[] {0.1, 100}, 2)).containsExactly(2, 5);
    }

    @Test
    void alwaysSumsToTheTotalAndRespectsTheMinimum() {
        SplittableRandom random = new SplittableRandom(5);
        for (int c = 0; c < 500; c++) {
            int n = 1 + random.nextInt(60);
            int minimum = random.nextInt(3);
            int total = n * minimum + random.nextInt(2_000);
            double[] weights = random.doubles(n, 0, 1_000).toArray();
            int[] shares = Apportionment.share(total, weights, minimum);
            assertThat(Arrays.stream(shares).sum()).isEqualTo(total);
            assertThat(Arrays.stream(shares).min().orElseThrow()).isGreaterThanOrEqualTo(minimum);
        }
    }

    @Test
    void refusesAMinimumItCannotGive() {
        assertThatThrownBy(() -> Apportionment.share(3, new double[] {1, 1}, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}

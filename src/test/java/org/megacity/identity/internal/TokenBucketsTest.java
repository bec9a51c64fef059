package org.megacity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-address token buckets of the rate limits, on a clock the test moves. */
class TokenBucketsTest {

    static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void anAddressGetsItsBurstThenWaitsForTheNextToken() {
        TokenBuckets buckets = new TokenBuckets(3, MINUTE, 100, clock::get);
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).as("20 s until the next of 3 per minute").isEqualTo(TimeUnit.SECONDS.toNanos(20));
        assertThat(buckets.take("b")).as("another address").isZero();
        clock.addAndGet(TimeUnit.SECONDS.toNanos(20));
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isPositive();
    }

    @Test
    void aFullMapForgetsIdleAddressesAndOtherwiseSendsNewOnesToOneSharedBucket() {
        TokenBuckets buckets = new TokenBuckets(2, MINUTE, 100, clock::get);
        for (int i = 0; i < 100; i++) {
            buckets.take("busy-" + i);
        }
        // all 100 are still refilling: newcomers share the overflow bucket of 2
        assertThat(buckets.take("new-1")).isZero();
        assertThat(buckets.take("new-2")).isZero();
        assertThat(buckets.take("new-3")).isPositive();
        assertThat(buckets.size()).isEqualTo(101);
        // a minute later every bucket is full again: they are dropped and a newcomer has its own
        clock.addAndGet(MINUTE);
        assertThat(buckets.take("new-4")).isZero();
        assertThat(buckets.size()).isEqualTo(1);
    }

    @Test
    void noAddressEverGetsMoreThanTheBurstPlusTheRateOverTheTimeElapsed() {
        qt().withExamples(2_000).forAll(integers().between(1, 50), lists().of(integers().between(0, 5_000)).ofSizeBetween(1, 300))
                .checkAssert((capacity, gapsMillis) -> {
                    AtomicLong now = new AtomicLong(0);
                    TokenBuckets buckets = new TokenBuckets(capacity, MINUTE, 100, now::get);
                    long granted = 0;
                    for (int gap : gapsMillis) {
                        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(gap));
                        long wait = buckets.take("x");
                        if (wait == 0) {
                            granted++;
                        } else {
                            // the promised wait is honest: after it, a token is there
                            assertThat(wait).isLessThanOrEqualTo(MINUTE / capacity + 1);
                            now.addAndGet(wait);
                            assertThat(buckets.take("x")).isZero();
                            granted++;
                        }
                    }
                    double allowed = capacity + now.get() * (double) capacity / MINUTE;
                    assertThat((double) granted).isLessThanOrEqualTo(allowed + 1e-9);
                });
    }
}

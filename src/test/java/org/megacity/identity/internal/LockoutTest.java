package org.megacity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LockoutTest {

    static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    static Account account(Instant lockedUntil, boolean mustChange, Instant passwordChangedAt) {
        return new Account("id", "zhang.san", "张三", "{bcrypt}x", true, mustChange, 0, lockedUntil, false, NOW, NOW,
                passwordChangedAt, Set.of(), Set.of(), Set.of());
    }

    @Test
    void anAccountIsLockedUntilTheLockEnds() {
        assertThat(account(null, false, NOW).lockedAt(NOW)).isFalse();
        assertThat(account(NOW.plusSeconds(1), false, NOW).lockedAt(NOW)).isTrue();
        assertThat(account(NOW, false, NOW).lockedAt(NOW)).isFalse();
    }

    @Test
    void aPasswordMustBeChangedWhenOneTimeOrOlderThanTheMaximumAge() {
        Duration ninetyDays = Duration.ofDays(90);
        assertThat(account(null, true, NOW).passwordChangeRequired(NOW, ninetyDays)).isTrue();
        assertThat(account(null, false, NOW.minus(Duration.ofDays(89))).passwordChangeRequired(NOW, ninetyDays)).isFalse();
        assertThat(account(null, false, NOW.minus(Duration.ofDays(91))).passwordChangeRequired(NOW, ninetyDays)).isTrue();
        assertThat(account(null, false, NOW.minus(Duration.ofDays(900))).passwordChangeRequired(NOW, Duration.ZERO))
                .isFalse();
    }
}

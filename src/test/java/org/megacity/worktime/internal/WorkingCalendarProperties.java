package org.megacity.worktime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of deadline arithmetic over the shipped years (starts in 2024 and 2025, amounts up to ~3 months). */
class WorkingCalendarProperties {

    final DataWorkingCalendar calendar = DataWorkingCalendar.shipped();
    final long from = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, calendar.zone()).toEpochSecond();
    final long to = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, calendar.zone()).toEpochSecond();

    Gen<Instant> instants() {
        return longs().between(from, to).map(s -> Instant.ofEpochSecond(s));
    }

    Gen<Duration> amounts() {
        return longs().between(0, 400L * 3600).map(s -> Duration.ofSeconds(s));
    }

    @Test
    void addingThenMeasuringGivesTheAmountBack() {
        qt().withExamples(3000).forAll(instants(), amounts()).checkAssert((start, amount) ->
                assertThat(calendar.workingBetween(start, calendar.plusWorking(start, amount))).isEqualTo(amount));
    }

    @Test
    void aPositiveAmountEndsInWorkingTime() {
        qt().withExamples(3000).forAll(instants(), amounts()).assuming((s, a) -> !a.isZero()).checkAssert((start, amount) ->
                assertThat(calendar.inWorkingTime(calendar.plusWorking(start, amount))).isTrue());
    }

    @Test
    void additionIsMonotonicInStartAndAmount() {
        qt().withExamples(2000).forAll(instants(), longs().between(0, 30L * 86400), amounts(), longs().between(0, 50L * 3600))
                .checkAssert((start, later, amount, more) -> {
                    Instant end = calendar.plusWorking(start, amount);
                    assertThat(calendar.plusWorking(start.plusSeconds(later), amount)).isAfterOrEqualTo(end);
                    assertThat(calendar.plusWorking(start, amount.plusSeconds(more))).isAfterOrEqualTo(end);
                    assertThat(end).isAfterOrEqualTo(start);
                });
    }

    @Test
    void workingDaysAreWholeDaysOfWorkingTime() {
        qt().withExamples(2000).forAll(instants(), integers().between(0, 40)).checkAssert((start, days) -> {
            Instant end = calendar.plusWorkingDays(start, days);
            assertThat(calendar.workingBetween(start, end)).isEqualTo(Duration.ofMinutes(420L * days));
            if (days > 0) {
                assertThat(calendar.inWorkingTime(end)).isTrue();
                assertThat(calendar.plusWorkingDays(start, days + 1)).isAfter(end);
            }
        });
    }

    @Test
    void measuringIsAdditive() {
        qt().withExamples(2000).forAll(instants(), longs().between(0, 20L * 86400), longs().between(0, 20L * 86400))
                .checkAssert((a, x, y) -> {
                    Instant b = a.plusSeconds(x);
                    Instant c = b.plusSeconds(y);
                    assertThat(calendar.workingBetween(a, b).plus(calendar.workingBetween(b, c)))
                            .isEqualTo(calendar.workingBetween(a, c));
                });
    }
}

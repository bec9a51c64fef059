package org.megacity.representatives.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.megacity.worktime.WorkingCalendar;
import org.megacity.worktime.internal.DataWorkingCalendar;
import org.quicktheories.core.Gen;

/**
 * Every deadline of the suggestion workflow against the shipped calendars (2024–2026, with the
 * Spring Festival and National Day holidays and their make-up working Saturdays and Sundays): the
 * working-day deadlines are counted independently here, day by day, with {@code isWorkingDay}.
 */
class DeadlinesProperties {

    final WorkingCalendar calendar = DataWorkingCalendar.shipped();
    final long from = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, calendar.zone()).toEpochSecond();
    final long to = ZonedDateTime.of(2026, 5, 1, 0, 0, 0, 0, calendar.zone()).toEpochSecond();

    Gen<Instant> instants() {
        return longs().between(from, to).map(s -> Instant.ofEpochSecond(s));
    }

    /**
     * The day a working-day deadline lands on, counted by hand: a start with the whole of its working
     * day ahead (before opening, or on a day off or after closing, which count from the next working
     * day's opening) ends at the closing of the n-th working day counting that day; a start inside
     * the working day ends on the n-th working day after it.
     */
    LocalDate countedDay(Instant start, int days) {
        LocalDate day = start.atZone(calendar.zone()).toLocalDate();
        long remaining = calendar.isWorkingDay(day)
                ? calendar.workingBetween(start, Deadlines.endOf(calendar, day)).toMinutes() : 0;
        int left = days;
        if (remaining == 0) {
            do {
                day = day.plusDays(1);
            } while (!calendar.isWorkingDay(day));
            left--;
        } else if (remaining == 420) {
            left--;
        }
        while (left > 0) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    void workingDayDeadline(int days, BiFunction<WorkingCalendar, Instant, Instant> rule) {
        qt().withExamples(1500).forAll(instants()).checkAssert(start -> {
            Instant due = rule.apply(calendar, start);
            LocalDate dueDay = due.atZone(calendar.zone()).toLocalDate();
            assertThat(calendar.isWorkingDay(dueDay)).as("due on a working day").isTrue();
            assertThat(calendar.workingBetween(start, due).toMinutes()).isEqualTo(420L * days);
            LocalDate expected = countedDay(start, days);
            // the end of a working period may be the day's closing time (same day) in every case
            assertThat(dueDay).isEqualTo(expected);
        });
    }

    @Test
    void assignmentWithinTenWorkingDays() {
        workingDayDeadline(10, Deadlines::assignBy);
    }

    @Test
    void returnRequestWithinTenWorkingDays() {
        workingDayDeadline(10, Deadlines::returnBy);
    }

    @Test
    void reassignmentWithinTenMoreWorkingDays() {
        workingDayDeadline(10, Deadlines::reassignBy);
    }

    @Test
    void contactWithinTwentyWorkingDays() {
        workingDayDeadline(20, Deadlines::contactBy);
    }

    @Test
    void coHandlersViewWithinThirtyWorkingDays() {
        workingDayDeadline(30, Deadlines::coViewBy);
    }

    @Test
    void evaluationWithinTwentyWorkingDays() {
        workingDayDeadline(20, Deadlines::evaluateBy);
    }

    @Test
    void replyWithinThreeOrSixMonthsEndingOnAWorkingDay() {
        qt().withExamples(1500).forAll(instants(), booleans().all()).checkAssert((start, hard) -> {
            Instant due = Deadlines.replyBy(calendar, start, hard);
            monthDeadline(start, due, hard ? 6 : 3);
        });
    }

    @Test
    void rehandlingWithinTwoMonths() {
        qt().withExamples(1500).forAll(instants()).checkAssert(start ->
                monthDeadline(start, Deadlines.rehandleBy(calendar, start), 2));
    }

    @Test
    void aHardSuggestionIsNeverDueBeforeAnOrdinaryOne() {
        qt().withExamples(500).forAll(instants()).checkAssert(start ->
                assertThat(Deadlines.replyBy(calendar, start, true)).isAfter(Deadlines.replyBy(calendar, start, false)));
    }

    void monthDeadline(Instant start, Instant due, int months) {
        LocalDate nominal = start.atZone(calendar.zone()).toLocalDate().plusMonths(months);
        LocalDate last = due.minusNanos(1).atZone(calendar.zone()).toLocalDate();
        assertThat(due.atZone(calendar.zone()).toLocalTime()).as("ends at midnight").isEqualTo(java.time.LocalTime.MIDNIGHT);
        assertThat(calendar.isWorkingDay(last)).as("last day is a working day").isTrue();
        assertThat(last).isAfterOrEqualTo(nominal);
        for (LocalDate d = nominal; d.isBefore(last); d = d.plusDays(1)) {
            assertThat(calendar.isWorkingDay(d)).as("days skipped are days off: " + d).isFalse();
        }
    }

    @Test
    void knownDatesAroundTheSpringFestivalAndMakeUpDays() {
        // assigned on 2024-02-08 (Thursday, the last working day before the Spring Festival 2024-02-10..17);
        // Sunday 2024-02-04 and Sunday 2024-02-18 are make-up working days.
        Instant assigned = ZonedDateTime.of(2024, 2, 8, 10, 0, 0, 0, calendar.zone()).toInstant();
        LocalDate due = Deadlines.assignBy(calendar, assigned).atZone(calendar.zone()).toLocalDate();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 18))).isTrue();
        assertThat(due).isEqualTo(countedDay(assigned, 10));
        // a three-month reply from 2024-07-01 lands on 2024-10-01 (National Day) and moves past the holiday
        Instant july = ZonedDateTime.of(2024, 7, 1, 10, 0, 0, 0, calendar.zone()).toInstant();
        LocalDate reply = Deadlines.replyBy(calendar, july, false).minusNanos(1).atZone(calendar.zone()).toLocalDate();
        assertThat(reply).isEqualTo(LocalDate.of(2024, 10, 8));
    }
}

package org.megacity.worktime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.megacity.worktime.NoCalendarForYear;

/** The shipped calendars and the arithmetic on known dates. */
class WorkingCalendarTest {

    final DataWorkingCalendar calendar = DataWorkingCalendar.shipped();

    Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), calendar.zone()).toInstant();
    }

    @Test
    void shipsTheVerifiedYears() {
        assertThat(calendar.years()).containsExactly(2024, 2025, 2026);
    }

    @Test
    void holidaysAndMakeUpDaysOf2026() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();   // Friday, New Year
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();    // Sunday worked
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();   // Saturday worked
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse();  // Monday, Spring Festival
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 9))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse(); // plain Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 18))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 16))).isFalse();
    }

    @Test
    void hoursSkipLunchNightsWeekendsAndHolidays() {
        // Wednesday 11:00 + 2 h: one hour before lunch, one after
        assertThat(calendar.plusWorkingHours(at("2026-11-25T11:00"), 2)).isEqualTo(at("2026-11-25T14:30"));
        // Friday 17:00 + 1 h: Monday 09:30
        assertThat(calendar.plusWorkingHours(at("2026-11-27T17:00"), 1)).isEqualTo(at("2026-11-30T09:30"));
        // Before National Day: Wednesday 30 Sep 17:00 + 1 h → Thursday 8 Oct 09:30
        assertThat(calendar.plusWorkingHours(at("2026-09-30T17:00"), 1)).isEqualTo(at("2026-10-08T09:30"));
        // a Saturday start counts from Monday 09:00
        assertThat(calendar.plusWorkingHours(at("2026-11-28T10:00"), 5)).isEqualTo(at("2026-11-30T15:30"));
        assertThat(calendar.plusWorkingHours(at("2026-11-25T09:00"), 3)).isEqualTo(at("2026-11-25T12:00"));
    }

    @Test
    void daysKeepThePointOfTheDay() {
        assertThat(calendar.plusWorkingDays(at("2026-11-25T10:00"), 1)).isEqualTo(at("2026-11-26T10:00"));
        assertThat(calendar.plusWorkingDays(at("2026-11-27T10:00"), 1)).isEqualTo(at("2026-11-30T10:00"));
        assertThat(calendar.plusWorkingDays(at("2026-11-28T10:00"), 1)).isEqualTo(at("2026-11-30T17:30"));
        assertThat(calendar.plusWorkingDays(at("2026-11-25T20:00"), 1)).isEqualTo(at("2026-11-26T17:30"));
        assertThat(calendar.plusWorkingDays(at("2026-11-25T12:45"), 1)).isEqualTo(at("2026-11-26T12:00"));
        // ten working days across National Day and its make-up Saturday
        assertThat(calendar.plusWorkingDays(at("2026-09-28T10:00"), 5)).isEqualTo(at("2026-10-10T10:00"));
    }

    @Test
    void measuresWorkingTime() {
        assertThat(calendar.workingBetween(at("2026-11-27T17:00"), at("2026-11-30T09:30"))).isEqualTo(Duration.ofHours(1));
        assertThat(calendar.workingHoursBetween(at("2026-11-23T00:00"), at("2026-11-30T00:00"))).isEqualTo(35.0);
        assertThat(calendar.workingBetween(at("2026-11-30T09:30"), at("2026-11-27T17:00"))).isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void aYearWithoutCalendarIsAnError() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(at("2026-12-30T10:00"), 5))
                .isInstanceOf(NoCalendarForYear.class).hasMessageContaining("2027");
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2023, 6, 1))).isInstanceOf(NoCalendarForYear.class);
        assertThatThrownBy(() -> calendar.plusWorkingHours(at("2026-11-25T10:00"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badFilesAreRefusedNamingTheProblem() {
        String bad = "year: 2030\nhours: [\"09:00-12:00\"]\nholidays:\n  - {name: X, from: \"2030-13-01\"}\n";
        assertThatThrownBy(() -> CalendarFiles.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "c.yaml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c.yaml");
        String clash = "year: 2030\nhours: [\"09:00-12:00\"]\nholidays:\n  - {name: X, from: \"2030-01-05\"}\n"
                + "workdays:\n  - {date: \"2030-01-05\", for: X}\n";
        assertThatThrownBy(() -> CalendarFiles.read(new ByteArrayInputStream(clash.getBytes(StandardCharsets.UTF_8)), "c.yaml"))
                .hasMessageContaining("both");
    }
}

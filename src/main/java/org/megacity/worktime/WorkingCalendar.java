package org.megacity.worktime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SortedSet;

/**
 * Deadline arithmetic in working time. Working time is the union of the working periods (e.g.
 * 09:00–12:00 and 13:30–17:30) of the working days, in the calendar's time zone. Every method
 * throws {@link NoCalendarForYear} when it would have to look at a day of a year the city has not
 * published a calendar for: a deadline is never guessed.
 */
public interface WorkingCalendar {

    /** The time zone the working hours are read in (Asia/Shanghai unless configured). */
    ZoneId zone();

    /** The years with a calendar, ascending. */
    SortedSet<Integer> years();

    /**
     * Whether the day is a working day: Monday to Friday unless a public holiday, or a make-up
     * working day (调休上班) on a weekend.
     */
    boolean isWorkingDay(LocalDate date);

    /**
     * The earliest instant at which {@code amount} of working time has passed since {@code start}.
     * Zero returns {@code start}; a positive amount always ends inside working time or at the end of
     * a working period.
     *
     * @throws IllegalArgumentException when the amount is negative
     */
    Instant plusWorking(Instant start, Duration amount);

    /** {@link #plusWorking} with whole working hours. */
    default Instant plusWorkingHours(Instant start, long hours) {
        return plusWorking(start, Duration.ofHours(hours));
    }

    /**
     * The end of {@code days} working days from {@code start}: the same point of the working day
     * {@code days} working days later (a start outside working time counts from the next working
     * moment, so a case filed on Saturday with one working day is due at the end of Monday).
     *
     * @throws IllegalArgumentException when days is negative
     */
    Instant plusWorkingDays(Instant start, int days);

    /**
     * The working time between two instants; negative when {@code to} is before {@code from}.
     */
    Duration workingBetween(Instant from, Instant to);

    /** {@link #workingBetween} in hours, with fractions. */
    default double workingHoursBetween(Instant from, Instant to) {
        return workingBetween(from, to).toMillis() / 3_600_000.0;
    }
}

package org.megacity.worktime;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year of the working calendar as the city publishes it, in the shape of its file
 * ({@code worktime/calendar-YYYY.yaml}, docs/worktime.md).
 *
 * @param year     the year
 * @param source   where the schedule comes from (the State Council's notice, a city's own decision)
 * @param hours    the working periods of a working day, {@code "09:00-12:00"}, ascending and disjoint
 * @param holidays public holidays (days off), each a range of days within the year
 * @param workdays make-up working days (weekend days worked) with the holiday they make up for
 */
public record CalendarYearDefinition(int year, String source, List<String> hours, List<Holiday> holidays,
        List<MakeUpDay> workdays) {

    /** A public holiday from {@code from} to {@code to}, both included. */
    public record Holiday(String name, String nameEn, LocalDate from, LocalDate to) {

        public Holiday {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a holiday needs a name");
            }
            nameEn = nameEn == null ? "" : nameEn;
            if (from == null) {
                throw new IllegalArgumentException("holiday " + name + " needs a first day (from)");
            }
            to = to == null ? from : to;
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("holiday " + name + " ends before it starts");
            }
        }
    }

    /** A weekend day worked to make up for a holiday. */
    public record MakeUpDay(LocalDate date, String forHoliday) {

        public MakeUpDay {
            if (date == null) {
                throw new IllegalArgumentException("a make-up working day needs a date");
            }
            forHoliday = forHoliday == null ? "" : forHoliday;
        }
    }

    public CalendarYearDefinition {
        if (year < 1949 || year > 2200) {
            throw new IllegalArgumentException("year " + year + " is out of range");
        }
        source = source == null ? "" : source;
        hours = List.copyOf(hours);
        holidays = List.copyOf(holidays);
        workdays = List.copyOf(workdays);
        if (hours.isEmpty()) {
            throw new IllegalArgumentException(year + ": a working day needs at least one working period");
        }
        LocalTime previousEnd = null;
        for (String h : hours) {
            LocalTime[] p = period(h);
            if (!p[0].isBefore(p[1])) {
                throw new IllegalArgumentException(year + ": working period " + h + " must end after it starts");
            }
            if (previousEnd != null && p[0].isBefore(previousEnd)) {
                throw new IllegalArgumentException(year + ": working periods must be ascending and disjoint");
            }
            previousEnd = p[1];
        }
        Set<LocalDate> off = new HashSet<>();
        for (Holiday h : holidays) {
            if (h.from().getYear() != year || h.to().getYear() != year) {
                throw new IllegalArgumentException(year + ": holiday " + h.name() + " (" + h.from() + " to " + h.to()
                        + ") is not within the year");
            }
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                off.add(d);
            }
        }
        Set<LocalDate> seen = new HashSet<>();
        for (MakeUpDay w : workdays) {
            if (w.date().getYear() != year) {
                throw new IllegalArgumentException(year + ": make-up working day " + w.date() + " is in another year");
            }
            if (off.contains(w.date())) {
                throw new IllegalArgumentException(year + ": " + w.date() + " is both a holiday and a make-up working day");
            }
            if (!seen.add(w.date())) {
                throw new IllegalArgumentException(year + ": make-up working day " + w.date() + " appears twice");
            }
        }
    }

    /**
     * A working period {@code "HH:MM-HH:MM"} as its start and end.
     *
     * @throws IllegalArgumentException when it does not read so
     */
    public static LocalTime[] period(String text) {
        String[] parts = text == null ? new String[0] : text.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("working period '" + text + "' is not HH:MM-HH:MM");
        }
        try {
            return new LocalTime[] {LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim())};
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("working period '" + text + "' is not HH:MM-HH:MM");
        }
    }
}

package org.megacity.worktime.internal;

import org.megacity.worktime.CalendarYearDefinition;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One year of the working calendar as the city publishes it.
 *
 * @param year     the year
 * @param source   where the schedule comes from (the State Council notice)
 * @param periods  the working periods of a working day, ascending and disjoint
 * @param holidays the public holidays (days off, including the weekend days folded into a holiday)
 *                 with the holiday's name
 * @param workdays make-up working days (weekend days worked) with the holiday they make up for
 */
record CalendarYear(int year, String source, List<Period> periods, Map<LocalDate, String> holidays,
        Map<LocalDate, String> workdays, CalendarYearDefinition definition) {

    /** The year a definition describes. */
    static CalendarYear of(CalendarYearDefinition d) {
        List<Period> periods = new java.util.ArrayList<>();
        for (String h : d.hours()) {
            java.time.LocalTime[] p = CalendarYearDefinition.period(h);
            periods.add(new Period(p[0], p[1]));
        }
        Map<LocalDate, String> holidays = new java.util.HashMap<>();
        for (CalendarYearDefinition.Holiday h : d.holidays()) {
            for (LocalDate day = h.from(); !day.isAfter(h.to()); day = day.plusDays(1)) {
                holidays.put(day, h.name());
            }
        }
        Map<LocalDate, String> workdays = new java.util.HashMap<>();
        d.workdays().forEach(w -> workdays.put(w.date(), w.forHoliday()));
        return new CalendarYear(d.year(), d.source(), periods, holidays, workdays, d);
    }

    /** A working period of the day, {@code [start, end)}. */
    record Period(LocalTime start, LocalTime end) {
        Period {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("a working period must end after it starts: " + start + "-" + end);
            }
        }

        long seconds() {
            return end.toSecondOfDay() - start.toSecondOfDay();
        }
    }

    CalendarYear {
        periods = List.copyOf(periods);
        holidays = Map.copyOf(holidays);
        workdays = Map.copyOf(workdays);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException(year + ": a working day needs at least one working period");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException(year + ": working periods must be ascending and disjoint");
            }
        }
        for (LocalDate d : holidays.keySet()) {
            if (d.getYear() != year) {
                throw new IllegalArgumentException(year + ": holiday " + d + " is in another year");
            }
            if (workdays.containsKey(d)) {
                throw new IllegalArgumentException(year + ": " + d + " is both a holiday and a make-up working day");
            }
        }
        for (LocalDate d : workdays.keySet()) {
            if (d.getYear() != year) {
                throw new IllegalArgumentException(year + ": make-up working day " + d + " is in another year");
            }
        }
    }

    boolean isWorkingDay(LocalDate date) {
        if (holidays.containsKey(date)) {
            return false;
        }
        if (workdays.containsKey(date)) {
            return true;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    long daySeconds() {
        return periods.stream().mapToLong(Period::seconds).sum();
    }

    Set<LocalDate> holidayDates() {
        return holidays.keySet();
    }
}

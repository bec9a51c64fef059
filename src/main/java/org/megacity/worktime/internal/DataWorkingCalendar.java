package org.megacity.worktime.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.megacity.worktime.NoCalendarForYear;
import org.megacity.worktime.WorkingCalendar;

/**
 * The working calendar over the years it was given. Arithmetic walks day by day through the working
 * periods; a deadline of weeks looks at a few dozen days.
 */
public final class DataWorkingCalendar implements WorkingCalendar {

    private final ZoneId zone;
    private volatile Map<Integer, CalendarYear> years;

    DataWorkingCalendar(ZoneId zone, Map<Integer, CalendarYear> years) {
        this.zone = zone;
        this.years = Collections.unmodifiableMap(new TreeMap<>(years));
    }

    /** The years in force, by year. */
    Map<Integer, CalendarYear> calendarYears() {
        return years;
    }

    /** Puts these years in force beside (or instead of) the ones there are. */
    void put(java.util.Collection<CalendarYear> changed) {
        Map<Integer, CalendarYear> next = new TreeMap<>(years);
        changed.forEach(y -> next.put(y.year(), y));
        years = Collections.unmodifiableMap(next);
    }

    /** The calendar of the years shipped on the classpath, in Asia/Shanghai (for tests and tools). */
    public static DataWorkingCalendar shipped() {
        return new DataWorkingCalendar(ZoneId.of("Asia/Shanghai"), CalendarFiles.shipped());
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    CalendarYear year(int year) {
        CalendarYear y = years.get(year);
        if (y == null) {
            throw new NoCalendarForYear(year);
        }
        return y;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return year(date.getYear()).isWorkingDay(date);
    }

    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    @Override
    public Instant plusWorking(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a working time to add cannot be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        long remaining = amount.toNanos();
        LocalDateTime local = LocalDateTime.ofInstant(start, zone);
        LocalDate date = local.toLocalDate();
        Instant cursor = start;
        while (true) {
            CalendarYear y = year(date.getYear());
            if (y.isWorkingDay(date)) {
                for (CalendarYear.Period p : y.periods()) {
                    Instant ps = at(date, p.start());
                    Instant pe = at(date, p.end());
                    Instant from = cursor.isAfter(ps) ? cursor : ps;
                    if (from.isBefore(pe)) {
                        long available = Duration.between(from, pe).toNanos();
                        if (remaining <= available) {
                            return from.plusNanos(remaining);
                        }
                        remaining -= available;
                    }
                }
            }
            date = date.plusDays(1);
            cursor = at(date, LocalTime.MIDNIGHT);
        }
    }

    @Override
    public Instant plusWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days to add cannot be negative: " + days);
        }
        if (days == 0) {
            return start;
        }
        LocalDate date = LocalDateTime.ofInstant(start, zone).toLocalDate();
        long offset;
        if (year(date.getYear()).isWorkingDay(date)) {
            offset = elapsedInDay(date, start);
            if (offset >= year(date.getYear()).daySeconds() * 1_000_000_000L) {
                date = nextWorkingDay(date);
                offset = 0;
            }
        } else {
            date = nextWorkingDay(date);
            offset = 0;
        }
        // offset 0 at the start of a working day is the end of the previous one: count this day as the first
        int steps = offset == 0 ? days - 1 : days;
        for (int i = 0; i < steps; i++) {
            date = nextWorkingDay(date);
        }
        CalendarYear y = year(date.getYear());
        if (offset == 0) {
            return at(date, y.periods().getLast().end());
        }
        long dayNanos = y.daySeconds() * 1_000_000_000L;
        return plusWorking(at(date, y.periods().getFirst().start()), Duration.ofNanos(Math.min(offset, dayNanos)));
    }

    /** Working time of the day before the instant, in nanoseconds. */
    private long elapsedInDay(LocalDate date, Instant instant) {
        long total = 0;
        for (CalendarYear.Period p : year(date.getYear()).periods()) {
            Instant ps = at(date, p.start());
            Instant pe = at(date, p.end());
            if (!instant.isAfter(ps)) {
                break;
            }
            Instant until = instant.isBefore(pe) ? instant : pe;
            total += Duration.between(ps, until).toNanos();
        }
        return total;
    }

    private LocalDate nextWorkingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!year(d.getYear()).isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    @Override
    public Duration workingBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingBetween(to, from).negated();
        }
        LocalDate first = LocalDateTime.ofInstant(from, zone).toLocalDate();
        LocalDate last = LocalDateTime.ofInstant(to, zone).toLocalDate();
        long total = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            CalendarYear y = year(d.getYear());
            if (!y.isWorkingDay(d)) {
                continue;
            }
            for (CalendarYear.Period p : y.periods()) {
                Instant ps = at(d, p.start());
                Instant pe = at(d, p.end());
                Instant a = from.isAfter(ps) ? from : ps;
                Instant b = to.isBefore(pe) ? to : pe;
                if (a.isBefore(b)) {
                    total += Duration.between(a, b).toNanos();
                }
            }
        }
        return Duration.ofNanos(total);
    }

    /** Whether the instant lies within a working period (its end included). */
    boolean inWorkingTime(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        CalendarYear y = year(local.getYear());
        if (!y.isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        for (CalendarYear.Period p : y.periods()) {
            if (!t.isBefore(p.start()) && !t.isAfter(p.end())) {
                return true;
            }
        }
        return false;
    }

    /** The holidays of a year with their names, for the API and docs. */
    Map<LocalDate, String> holidays(int year) {
        return new TreeMap<>(year(year).holidays());
    }

    Map<LocalDate, String> workdays(int year) {
        return new TreeMap<>(year(year).workdays());
    }
}

package org.megacity.cases.internal;

import java.time.Duration;
import java.time.Instant;
import org.megacity.worktime.WorkingCalendar;

/** A time limit in working time: minutes, hours or days ({@code 30m}, {@code 5h}, {@code 1d}). */
record TimeLimit(int amount, char unit) {

    TimeLimit {
        if (amount <= 0 || "mhd".indexOf(unit) < 0) {
            throw new IllegalArgumentException("a time limit is a positive number of m, h or d, not " + amount + unit);
        }
    }

    static TimeLimit parse(String text) {
        String t = text.trim();
        if (t.length() < 2) {
            throw new IllegalArgumentException("time limit '" + text + "' is not like 30m, 5h or 1d");
        }
        try {
            return new TimeLimit(Integer.parseInt(t.substring(0, t.length() - 1)), t.charAt(t.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time limit '" + text + "' is not like 30m, 5h or 1d");
        }
    }

    Instant after(WorkingCalendar calendar, Instant start) {
        return switch (unit) {
            case 'd' -> calendar.plusWorkingDays(start, amount);
            case 'h' -> calendar.plusWorking(start, Duration.ofHours(amount));
            default -> calendar.plusWorking(start, Duration.ofMinutes(amount));
        };
    }

    /** Working minutes, counting a day as the standard 7 working hours (for comparing limits). */
    long minutes() {
        return switch (unit) {
            case 'd' -> amount * 420L;
            case 'h' -> amount * 60L;
            default -> amount;
        };
    }

    @Override
    public String toString() {
        return amount + String.valueOf(unit);
    }
}

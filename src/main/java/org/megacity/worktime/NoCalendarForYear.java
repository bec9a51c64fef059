package org.megacity.worktime;

/**
 * A date fell in a year the city has published no working calendar for. Add the year's file (see
 * docs/worktime.md) before deadlines can be counted in it.
 */
public class NoCalendarForYear extends RuntimeException {

    private final int year;

    public NoCalendarForYear(int year) {
        super("no working calendar for " + year + " (add worktime/calendar-" + year + ".yaml, see docs/worktime.md)");
        this.year = year;
    }

    public int year() {
        return year;
    }
}

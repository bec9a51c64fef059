package org.megacity.participation.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Dates on the pages, in Beijing time. */
final class PageDates {

    static final PageDates INSTANCE = new PageDates();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(Participation.CHINA);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Participation.CHINA);

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}

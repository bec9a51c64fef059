package org.megacity.representatives.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.megacity.worktime.WorkingCalendar;

/**
 * The statutory deadlines of Chongqing's regulation on deputies' suggestions (2017), on the working
 * calendar. Working-day deadlines use {@link WorkingCalendar#plusWorkingDays}; month deadlines end at
 * the end of the same day of the month {@code n} months later (the last day of a shorter month), moved
 * to the end of the next working day when that day is a holiday or a weekend (the last day of a period
 * that falls on a day off moves to the next working day, Civil Code Art. 203).
 */
final class Deadlines {

    /** Art. 15: assigned within 10 working days of receipt. */
    static final int ASSIGN_DAYS = 10;
    /** Art. 16: a unit not responsible says so within 10 working days of assignment. */
    static final int RETURN_DAYS = 10;
    /** Reassigned within 10 working days of the return request. */
    static final int REASSIGN_DAYS = 10;
    /** Art. 18: the unit contacts the deputy within 20 working days. */
    static final int CONTACT_DAYS = 20;
    /** Art. 20: co-handling units send their view within 30 working days. */
    static final int CO_VIEW_DAYS = 30;
    /** Art. 21: reply within 3 months, 6 for broad or hard suggestions. */
    static final int REPLY_MONTHS = 3;
    static final int REPLY_MONTHS_HARD = 6;
    /** Arts. 27, 28: the deputy evaluates within 20 working days of the reply. */
    static final int EVALUATE_DAYS = 20;
    /** Art. 27: re-handling reply within 2 months of the request. */
    static final int REHANDLE_MONTHS = 2;

    private Deadlines() {
    }

    static Instant assignBy(WorkingCalendar calendar, Instant received) {
        return calendar.plusWorkingDays(received, ASSIGN_DAYS);
    }

    static Instant returnBy(WorkingCalendar calendar, Instant assigned) {
        return calendar.plusWorkingDays(assigned, RETURN_DAYS);
    }

    static Instant reassignBy(WorkingCalendar calendar, Instant returnRequested) {
        return calendar.plusWorkingDays(returnRequested, REASSIGN_DAYS);
    }

    static Instant contactBy(WorkingCalendar calendar, Instant assigned) {
        return calendar.plusWorkingDays(assigned, CONTACT_DAYS);
    }

    static Instant coViewBy(WorkingCalendar calendar, Instant assigned) {
        return calendar.plusWorkingDays(assigned, CO_VIEW_DAYS);
    }

    static Instant replyBy(WorkingCalendar calendar, Instant assigned, boolean hard) {
        return plusMonths(calendar, assigned, hard ? REPLY_MONTHS_HARD : REPLY_MONTHS);
    }

    static Instant evaluateBy(WorkingCalendar calendar, Instant replied) {
        return calendar.plusWorkingDays(replied, EVALUATE_DAYS);
    }

    static Instant rehandleBy(WorkingCalendar calendar, Instant requested) {
        return plusMonths(calendar, requested, REHANDLE_MONTHS);
    }

    /** The end of the day {@code months} later (moved to the next working day), as the start of the following day. */
    static Instant plusMonths(WorkingCalendar calendar, Instant start, int months) {
        LocalDate day = start.atZone(calendar.zone()).toLocalDate().plusMonths(months);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return endOf(calendar, day);
    }

    /** The end of a day: the first instant of the next day. */
    static Instant endOf(WorkingCalendar calendar, LocalDate day) {
        return ZonedDateTime.of(day.plusDays(1).atStartOfDay(), calendar.zone()).toInstant();
    }
}

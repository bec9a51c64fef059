/**
 * The working calendar: which days are working days (weekends, public holidays, make-up working days
 * announced each year by the State Council), the working hours of the day, and deadline arithmetic
 * in working hours and working days. The calendar is data, one file per year
 * ({@code worktime/calendar-YYYY.yaml} on the classpath or in the data directory); see
 * docs/worktime.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working calendar")
package org.megacity.worktime;

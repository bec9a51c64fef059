package org.megacity.worktime;

import java.time.ZoneId;
import java.util.List;

/** The working calendar as data, for the city model's export and import. */
public interface CalendarDefinitions {

    /** The time zone working hours are read in. */
    ZoneId zone();

    /** Every year of the calendar in force, ascending. */
    List<CalendarYearDefinition> years();

    /**
     * Makes these years the city's: writes {@code <data>/worktime/calendar-YYYY.yaml} for each and
     * serves them at once (years not given keep the calendar they have).
     */
    void load(List<CalendarYearDefinition> years);
}

package org.megacity.worktime.internal;

import java.util.List;
import org.megacity.worktime.CalendarYearDefinition;

/** Test access: the calendar years shipped with the platform, as definitions. */
public final class CalendarAccess {

    private CalendarAccess() {
    }

    public static List<CalendarYearDefinition> shippedYears() {
        return CalendarFiles.shipped().values().stream().map(CalendarYear::definition).toList();
    }
}

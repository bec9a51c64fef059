package org.megacity.cases;

import java.time.Instant;

/** How many cases are open and overdue, for dashboards in other modules (telemetry's vital signs). */
public interface CaseCounts {

    /**
     * Counts within a division (a district, street, community or grid code: cases whose codes start
     * with it) or the whole city when {@code divisionPrefix} is null.
     */
    Counts count(String divisionPrefix, Instant now);

    /**
     * @param open    cases neither closed, evaluated nor rejected
     * @param overdue open cases past their deadline (not suspended)
     */
    record Counts(long open, long overdue) {
    }
}

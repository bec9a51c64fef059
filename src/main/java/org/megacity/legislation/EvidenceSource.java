package org.megacity.legislation;

import java.time.YearMonth;
import java.util.List;

/**
 * A source of figures from the city's operations for the evidence panel of a bill: what legislators
 * see beside a draft in a priority area (pipe incidents, alerts and cases by district and utility for
 * pipelines; park-related cases for parks; renewal projects by phase for urban renewal). Modules
 * that hold such figures implement it as a bean; legislation depends on none of them.
 */
public interface EvidenceSource {

    /**
     * The tables this source has for an area over the months {@code from} to {@code to} inclusive;
     * empty when it has nothing for the area. Figures are aggregates: no personal data.
     */
    List<EvidenceTable> evidence(PriorityArea area, YearMonth from, YearMonth to);
}

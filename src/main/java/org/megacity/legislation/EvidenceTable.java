package org.megacity.legislation;

import java.time.YearMonth;
import java.util.List;

/**
 * One table of the evidence panel: rows by district, utility, phase, … and, for monthly figures,
 * a column per month.
 *
 * @param source    which module provides it, e.g. {@code cases}
 * @param breakdown what the rows are: {@code district}, {@code utility}, {@code phase}, {@code category}, …
 * @param unit      what is counted, e.g. {@code cases}
 * @param months    the months of the columns, oldest first; empty for a table of totals only
 */
public record EvidenceTable(String source, String title, String titleEn, String breakdown, String unit,
        List<YearMonth> months, List<EvidenceRow> rows) {

    public EvidenceTable {
        months = List.copyOf(months);
        rows = List.copyOf(rows);
        for (EvidenceRow row : rows) {
            if (!row.monthly().isEmpty() && row.monthly().size() != months.size()) {
                throw new IllegalArgumentException("row " + row.key() + " has " + row.monthly().size()
                        + " monthly figures for " + months.size() + " months");
            }
        }
    }

    /**
     * A row: a district, utility or phase, its figure per month (aligned with the table's months,
     * or empty) and its total.
     */
    public record EvidenceRow(String key, String label, String labelEn, List<Long> monthly, long total) {
        public EvidenceRow {
            monthly = List.copyOf(monthly);
        }
    }
}

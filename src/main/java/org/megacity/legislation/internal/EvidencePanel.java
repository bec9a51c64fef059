package org.megacity.legislation.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.megacity.legislation.EvidenceSource;
import org.megacity.legislation.EvidenceTable;
import org.megacity.legislation.PriorityArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The evidence panel of a bill: the tables the registered {@link EvidenceSource}s provide for the
 * bill's priority area over the last twelve months. A source that fails is named, not fatal.
 */
@Service
class EvidencePanel {

    private static final Logger log = LoggerFactory.getLogger(EvidencePanel.class);

    private final ObjectProvider<EvidenceSource> sources;

    EvidencePanel(ObjectProvider<EvidenceSource> sources) {
        this.sources = sources;
    }

    /**
     * The panel: {@code sources} is how many sources are registered; {@code tables} what they have for
     * the area; {@code failed} the sources that threw.
     */
    record Panel(PriorityArea area, YearMonth from, YearMonth to, int sources, List<EvidenceTable> tables,
            List<String> failed) {

        /** Whether there is no figure to show: no source, or none with tables for the area. */
        public boolean empty() {
            return tables.isEmpty();
        }
    }

    Panel of(PriorityArea area, YearMonth to) {
        YearMonth from = to.minusMonths(11);
        List<EvidenceTable> tables = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int count = 0;
        for (EvidenceSource source : sources.orderedStream().toList()) {
            count++;
            try {
                List<EvidenceTable> provided = source.evidence(area, from, to);
                if (provided != null) {
                    tables.addAll(provided);
                }
            } catch (RuntimeException e) {
                log.warn("evidence source {} failed for {}", source.getClass().getName(), area.id(), e);
                failed.add(source.getClass().getSimpleName());
            }
        }
        return new Panel(area, from, to, count, tables, failed);
    }
}

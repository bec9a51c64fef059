package org.megacity.cases.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Small helpers for the pages. */
final class PageHelpers {

    private PageHelpers() {
    }

    /** The department codes the catalogue routes to, for the dispatch form. */
    static List<String> departments(CaseService cases) {
        return cases.catalogue().categories().stream().map(Category::department).distinct().sorted().toList();
    }

    /** Formats instants in the calendar's zone, as {@code ${when.f(instant)}}. */
    record Times(ZoneId zone) {
        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        public String f(Instant instant) {
            return instant == null ? "—" : FORMAT.format(instant.atZone(zone));
        }
    }

    /** What the public tracking page shows: no personal data. */
    record TrackView(String token, Long mergedInto, String status, String statusZh, String statusEn, String category,
            String categoryEn) {
    }

    record TrackEntry(Instant at, String statusZh, String statusEn) {
    }
}

package org.megacity.participation.internal;

import java.time.Instant;
import java.util.List;

/**
 * A consultation on a version of a bill.
 *
 * @param scope          the articles asked about (their wIds); empty when the whole bill is
 * @param overrideReason why it runs shorter than 30 days, or null
 */
record Consultation(String id, String billId, int version, String title, Instant opensAt, Instant closesAt,
        boolean wholeBill, List<String> scope, String overrideReason, Instant createdAt, String createdBy,
        Instant reportPublishedAt, String reportPublishedBy) {

    Consultation {
        scope = List.copyOf(scope);
    }

    State state(Instant now) {
        if (reportPublishedAt != null) {
            return State.REPORT_PUBLISHED;
        }
        if (now.isBefore(opensAt)) {
            return State.SCHEDULED;
        }
        return now.isBefore(closesAt) ? State.OPEN : State.CLOSED;
    }

    Consultation withScope(List<String> articles) {
        return new Consultation(id, billId, version, title, opensAt, closesAt, wholeBill, articles, overrideReason,
                createdAt, createdBy, reportPublishedAt, reportPublishedBy);
    }

    /** Where a consultation is: dates decide the first three, publication the last. */
    enum State {
        SCHEDULED("scheduled", "未开始", "Scheduled"),
        OPEN("open", "征求意见中", "Open"),
        CLOSED("closed", "已结束", "Closed"),
        REPORT_PUBLISHED("report-published", "已公布反馈", "Report published");

        private final String id;
        private final String nameZh;
        private final String nameEn;

        State(String id, String nameZh, String nameEn) {
            this.id = id;
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }

        public String id() {
            return id;
        }

        public String nameZh() {
            return nameZh;
        }

        public String nameEn() {
            return nameEn;
        }
    }
}

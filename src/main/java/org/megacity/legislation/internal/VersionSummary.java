package org.megacity.legislation.internal;

import java.time.Instant;
import org.megacity.legislation.Stage;

/** A version of a bill's draft, without its text. */
record VersionSummary(String billId, int version, Stage stage, String label, String title, int articleCount,
        Instant publishedAt, Instant createdAt, String createdBy) {

    public boolean published() {
        return publishedAt != null;
    }
}

package org.megacity.legislation.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.megacity.legislation.BillKind;
import org.megacity.legislation.PriorityArea;
import org.megacity.legislation.Stage;

/** A bill: an item of the legislative plan, from proposal to law in force. */
record Bill(String id, String planId, String title, PriorityArea area, BillKind kind, String sponsor,
        String draftingBody, LocalDate targetSubmission, LocalDate targetAdoption, Stage stage, LocalDate stageSince,
        Instant createdAt, String createdBy) {

    Bill withStage(Stage next, LocalDate since) {
        return new Bill(id, planId, title, area, kind, sponsor, draftingBody, targetSubmission, targetAdoption, next,
                since, createdAt, createdBy);
    }
}

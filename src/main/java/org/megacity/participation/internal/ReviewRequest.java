package org.megacity.participation.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A request to an expert or think tank to review a draft by a due date. */
record ReviewRequest(String id, String consultationId, String expert, String organisation, LocalDate dueOn,
        String note, Instant requestedAt, String requestedBy, Instant answeredAt) {
}

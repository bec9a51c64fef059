package org.megacity.cases;

import java.time.Instant;

/** Any transition of a case, with the action that made it. */
public record CaseStatusChanged(long caseId, CaseStatus from, CaseStatus to, String action, Instant at) {
}

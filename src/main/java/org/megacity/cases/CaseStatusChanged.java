package org.megacity.cases;

import java.time.Instant;

/**
 * Any transition of a case, with the action that made it and the channel the case came in by (so a
 * listener interested in one channel can say so in its condition, and the event publication
 * registry records nothing for the others).
 */
public record CaseStatusChanged(long caseId, Channel channel, CaseStatus from, CaseStatus to, String action, Instant at) {
}

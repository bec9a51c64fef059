package org.megacity.cases;

import java.time.Instant;

/** A report came in and became a case (not yet filed). */
public record CaseReported(long caseId, String category, Channel channel, String gridCode, Long duplicateOf, Instant at) {
}

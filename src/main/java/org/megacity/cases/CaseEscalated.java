package org.megacity.cases;

import java.time.Instant;

/** A deadline passed and the case went up a level: {@code district} or {@code city}. */
public record CaseEscalated(long caseId, String level, String centre, Instant at) {
}

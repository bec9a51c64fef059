package org.megacity.cases;

import java.time.Instant;

/** A case was filed (立案): it is real, in scope, and will be dispatched. */
public record CaseFiled(long caseId, String category, Channel channel, String gridCode, String department, Instant at) {
}

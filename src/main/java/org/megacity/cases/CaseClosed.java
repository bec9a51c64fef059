package org.megacity.cases;

import java.time.Instant;

/**
 * A case was closed after verification.
 *
 * @param onTime whether it was handled by its (possibly extended) deadline
 */
public record CaseClosed(long caseId, String category, String districtCode, String department, boolean onTime, Instant at) {
}

package org.megacity.cases;

import java.time.Instant;

/**
 * A case was closed after verification.
 *
 * @param channel how the case came in (a listener interested in one channel can say so in its
 *     condition, so that other closures leave no entry in the event publication registry)
 * @param onTime whether it was handled by its (possibly extended) deadline
 */
public record CaseClosed(long caseId, String category, Channel channel, String districtCode, String department,
        boolean onTime, Instant at) {
}

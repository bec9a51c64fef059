package org.megacity.opinionanalysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A group of exact or near-duplicate opinions (a form letter and its mail-merge variants). Its
 * members are kept and counted, never dropped.
 *
 * @param id                 stable id, {@code C-} and the input position of its earliest member
 * @param memberIds          the member opinion ids in input order
 * @param count              the number of members
 * @param exactCopies        members whose normalised text equals another member's
 * @param representativeId   the member whose text stands for the campaign (its most copied text)
 * @param representativeText that member's text
 * @param firstSeen          the earliest receipt time among the members, or {@code null}
 * @param lastSeen           the latest receipt time, or {@code null}
 * @param channels           members per channel ({@code ""} for none), sorted by channel
 * @param articles           members per article ({@code ""} for none), sorted by article
 */
public record Campaign(String id, List<String> memberIds, int count, int exactCopies, String representativeId,
        String representativeText, Instant firstSeen, Instant lastSeen, Map<String, Integer> channels,
        Map<String, Integer> articles) {
}

package org.megacity.participation.internal;

import java.time.Instant;
import org.megacity.participation.Outcome;

/**
 * How one opinion or a group of opinions was handled. Recording a new one for an opinion leaves the
 * old row in place (the history), the opinion points at the newest.
 *
 * @param changeVersion the later version of the bill whose change it caused, or null
 * @param changeEId     the element changed in that version (its eId then), or null
 */
record Disposition(String id, String consultationId, Outcome outcome, String reason, String referredTo,
        Integer changeVersion, String changeEId, String changeWId, String groupLabel, Instant recordedAt,
        String recordedBy) {
}

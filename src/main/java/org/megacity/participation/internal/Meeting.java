package org.megacity.participation.internal;

import java.time.Instant;
import java.time.LocalDate;

/** An offline meeting a contact point held on a consultation, recorded by its staff. */
record Meeting(String id, String consultationId, String contactPointId, LocalDate heldOn, String place,
        int participants, String participantKinds, Instant recordedAt, String recordedBy) {
}

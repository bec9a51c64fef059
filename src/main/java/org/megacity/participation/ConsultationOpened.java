package org.megacity.participation;

import java.time.Instant;

/** A consultation was opened (or scheduled) on a version of a bill. */
public record ConsultationOpened(String consultationId, String billId, int version, Instant opensAt, Instant closesAt) {
}

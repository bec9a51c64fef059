package org.megacity.legislation.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.megacity.legislation.Stage;

/** One dated step of a bill's history; {@code from} is null for the stage it was created in. */
record StageEntry(int seq, Stage from, Stage to, LocalDate on, String note, Instant recordedAt, String recordedBy) {
}

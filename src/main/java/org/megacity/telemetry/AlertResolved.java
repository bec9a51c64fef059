package org.megacity.telemetry;

import java.time.Instant;

/** An alert went back to normal for its hold time (or its sensor reported again, for a stale alert). */
public record AlertResolved(long alertId, String sensorId, Instant at) {
}

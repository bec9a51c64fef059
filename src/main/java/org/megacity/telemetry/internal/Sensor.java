package org.megacity.telemetry.internal;

import java.time.Instant;
import org.megacity.telemetry.SensorType;

/** A registered sensor: {@code key} is its dense internal number (index into the in-memory arrays). */
record Sensor(int key, String id, SensorType type, String assetType, long assetId, String domain, double lon, double lat,
        String districtCode, String gridCode, int intervalSeconds, String status, Instant registeredAt) {
}

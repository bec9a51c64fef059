package org.megacity.telemetry;

import java.time.Instant;

/**
 * An alert was raised by a rule on a sensor's readings. Severity 1 (I) is the most severe, 4 (IV)
 * the least; alerts of severity III or higher (1–3) open a case.
 *
 * @param category the case category the rule names (e.g. {@code E0504} gas leak), or null
 */
public record AlertRaised(long alertId, long ruleId, String sensorId, int severity, String category, String domain,
        String districtCode, double lon, double lat, String message, Instant at) {
}

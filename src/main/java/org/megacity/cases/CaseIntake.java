package org.megacity.cases;

/**
 * How other modules bring cases in without going through HTTP: telemetry's sensor alerts, the
 * representatives' referrals. The case is created as reported by the system, located and routed
 * like any other, and checked for duplicates.
 */
public interface CaseIntake {

    /**
     * Files a report from a sensor alert.
     *
     * @return the new case
     * @throws IllegalArgumentException when the category is unknown or the point lies outside the city
     */
    CaseReceipt sensorAlert(SensorAlert alert);

    /**
     * A sensor's alarm that needs someone on site.
     *
     * @param sensorId   the sensor's id (kept as the case's source reference)
     * @param category   the case category, e.g. {@code E0501} (water pipe burst)
     * @param lon        WGS84 longitude
     * @param lat        WGS84 latitude
     * @param description what was measured
     */
    record SensorAlert(String sensorId, String category, double lon, double lat, String description) {
    }

    /**
     * @param caseId      the case's number
     * @param token       the tracking token
     * @param duplicateOf the open case it may duplicate, or null
     */
    record CaseReceipt(long caseId, String token, Long duplicateOf) {
    }
}

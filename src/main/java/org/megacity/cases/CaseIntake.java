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
     * Files a constituent's problem referred by a deputy (the deputy channel), reported in the
     * deputy's name.
     *
     * @return the new case; the deputy follows it by its number and token
     * @throws IllegalArgumentException when the category is unknown or the point lies outside the city
     */
    CaseReceipt deputyReferral(DeputyReferral referral);

    /**
     * A problem a constituent brought to a deputy.
     *
     * @param deputyUsername the deputy's account (kept as the case's source reference)
     * @param category       the case category
     * @param lon            WGS84 longitude
     * @param lat            WGS84 latitude
     * @param description    the problem
     * @param constituentName  who raised it, or null (sealed by cases like any reporter's name)
     * @param constituentPhone their phone, or null
     */
    record DeputyReferral(String deputyUsername, String category, double lon, double lat, String description,
            String constituentName, String constituentPhone) {
    }

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

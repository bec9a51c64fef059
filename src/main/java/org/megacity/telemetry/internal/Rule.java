package org.megacity.telemetry.internal;

/**
 * An alert rule for one sensor type, or an override for one asset ({@code assetType}/{@code assetId}
 * set: it replaces the type's rules of the same kind for the sensors of that asset).
 *
 * <ul>
 * <li>{@code threshold}: value {@code direction} ({@code above}/{@code below}) {@code limit} for at
 * least {@code minDurationSeconds}; back to normal when past {@code limit ∓ hysteresis} for
 * {@code holdSeconds}.</li>
 * <li>{@code rate}: a drop of {@code dropPercent} % from the highest value of the last
 * {@code windowSeconds} (to twice that: two buckets); resolved after {@code holdSeconds} without a drop.</li>
 * <li>{@code stale}: no reading for {@code staleIntervals} expected intervals (checked on a schedule).</li>
 * <li>{@code composite}: this type's condition on one sensor and {@code otherType}'s condition on
 * another sensor, both at once: a sensor of the same asset, or with {@code radiusMetres} above 0 any
 * sensor within that distance.</li>
 * </ul>
 * Severity 1 (I) is the most severe; 1–3 open a case in {@code category}.
 */
record Rule(long id, String name, String sensorType, String assetType, Long assetId, String kind, String direction,
        double limit, double hysteresis, int minDurationSeconds, int holdSeconds, double dropPercent, int windowSeconds,
        int staleIntervals, String otherType, String otherDirection, double otherLimit, int severity, String category,
        boolean enabled, double radiusMetres) {

    Rule(long id, String name, String sensorType, String assetType, Long assetId, String kind, String direction,
            double limit, double hysteresis, int minDurationSeconds, int holdSeconds, double dropPercent, int windowSeconds,
            int staleIntervals, String otherType, String otherDirection, double otherLimit, int severity, String category,
            boolean enabled) {
        this(id, name, sensorType, assetType, assetId, kind, direction, limit, hysteresis, minDurationSeconds, holdSeconds,
                dropPercent, windowSeconds, staleIntervals, otherType, otherDirection, otherLimit, severity, category, enabled,
                0);
    }

    static final String THRESHOLD = "threshold";
    static final String RATE = "rate";
    static final String STALE = "stale";
    static final String COMPOSITE = "composite";

    boolean above() {
        return !"below".equals(direction);
    }

    /** The alarm condition of a threshold. */
    boolean abnormal(double v) {
        return above() ? v > limit : v < limit;
    }

    /** Back past the hysteresis band. */
    boolean clear(double v) {
        return above() ? v < limit - hysteresis : v > limit + hysteresis;
    }

    boolean otherAbnormal(double v) {
        return "below".equals(otherDirection) ? v < otherLimit : v > otherLimit;
    }

    boolean override() {
        return assetType != null && assetId != null;
    }

    /** A composite rule whose other sensor is looked for within a radius rather than on the same asset. */
    boolean withinRadius() {
        return COMPOSITE.equals(kind) && radiusMetres > 0;
    }

    Rule withId(long newId) {
        return new Rule(newId, name, sensorType, assetType, assetId, kind, direction, limit, hysteresis, minDurationSeconds,
                holdSeconds, dropPercent, windowSeconds, staleIntervals, otherType, otherDirection, otherLimit, severity,
                category, enabled, radiusMetres);
    }

    boolean opensCase() {
        return severity <= 3 && category != null;
    }
}

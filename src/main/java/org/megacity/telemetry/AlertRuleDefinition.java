package org.megacity.telemetry;

import java.util.Set;

/**
 * An alert rule for a sensor type, as the city configures it (docs/telemetry.md, "Rules"). Which
 * fields matter depends on the kind; the others are null:
 * <ul>
 * <li>{@code threshold}: {@code direction}, {@code limit}, {@code hysteresis}, {@code minDurationSeconds}, {@code holdSeconds};</li>
 * <li>{@code rate}: {@code dropPercent}, {@code windowSeconds}, {@code holdSeconds};</li>
 * <li>{@code stale}: {@code staleIntervals};</li>
 * <li>{@code composite}: {@code direction}, {@code limit}, {@code otherType}, {@code otherDirection}, {@code otherLimit}, {@code holdSeconds}.</li>
 * </ul>
 *
 * @param severity 1 (I, the most severe) to 4 (IV)
 * @param category the case category an alert of severity I–III opens a case in, or null for none
 */
public record AlertRuleDefinition(String name, String sensorType, String kind, String direction, Double limit,
        double hysteresis, int minDurationSeconds, int holdSeconds, Double dropPercent, Integer windowSeconds,
        Integer staleIntervals, String otherType, String otherDirection, Double otherLimit, int severity,
        String category, boolean enabled) {

    /** The kinds of rule. */
    public static final Set<String> KINDS = Set.of("threshold", "rate", "stale", "composite");

    public AlertRuleDefinition {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a rule needs a name of 1 to 200 characters");
        }
        String what = "rule '" + name + "'";
        sensorType(what, "sensorType", sensorType);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(what + ": kind must be threshold, rate, stale or composite, not '" + kind + "'");
        }
        if (severity < 1 || severity > 4) {
            throw new IllegalArgumentException(what + ": severity must be 1 (I) to 4 (IV), not " + severity);
        }
        if (category != null && !category.matches("[CE]\\d{4}")) {
            throw new IllegalArgumentException(what + ": category '" + category + "' is not a case category code");
        }
        if (hysteresis < 0 || minDurationSeconds < 0 || holdSeconds < 0) {
            throw new IllegalArgumentException(what + ": hysteresis, minimum duration and hold cannot be negative");
        }
        switch (kind) {
            case "threshold" -> {
                direction(what, "direction", direction);
                required(what, "limit", limit);
            }
            case "rate" -> {
                required(what, "dropPercent", dropPercent);
                required(what, "windowSeconds", windowSeconds);
                if (dropPercent <= 0 || dropPercent >= 100 || windowSeconds <= 0) {
                    throw new IllegalArgumentException(what + ": dropPercent must lie between 0 and 100 and windowSeconds be positive");
                }
            }
            case "stale" -> {
                required(what, "staleIntervals", staleIntervals);
                if (staleIntervals <= 0) {
                    throw new IllegalArgumentException(what + ": staleIntervals must be positive");
                }
            }
            default -> {
                direction(what, "direction", direction);
                required(what, "limit", limit);
                sensorType(what, "otherType", otherType);
                direction(what, "otherDirection", otherDirection);
                required(what, "otherLimit", otherLimit);
            }
        }
    }

    private static void sensorType(String what, String field, String value) {
        if (value == null || SensorType.byId(value).filter(t -> t.id().equals(value)).isEmpty()) {
            throw new IllegalArgumentException(what + ": " + field + " '" + value + "' is not a sensor type ("
                    + String.join(", ", java.util.Arrays.stream(SensorType.values()).map(SensorType::id).toList()) + ")");
        }
    }

    private static void direction(String what, String field, String value) {
        if (!"above".equals(value) && !"below".equals(value)) {
            throw new IllegalArgumentException(what + ": " + field + " must be above or below, not '" + value + "'");
        }
    }

    private static void required(String what, String field, Object value) {
        if (value == null || value instanceof Double d && !Double.isFinite(d)) {
            throw new IllegalArgumentException(what + ": " + field + " is required for this kind of rule");
        }
    }
}

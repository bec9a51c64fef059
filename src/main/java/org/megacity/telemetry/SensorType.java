package org.megacity.telemetry;

import java.util.Locale;
import java.util.Optional;

/** What a sensor measures: its unit and the physical range outside which a reading is rejected. */
public enum SensorType {
    PRESSURE("pressure", "MPa", 0, 10),
    FLOW("flow", "m3/h", 0, 100_000),
    METHANE("methane", "%LEL", 0, 100),
    WATER_LEVEL("water-level", "m", -5, 20),
    MANHOLE_TILT("manhole-tilt", "deg", 0, 90),
    STRAIN("strain", "microstrain", -5_000, 5_000),
    DISPLACEMENT("displacement", "mm", -1_000, 1_000),
    VIBRATION("vibration", "mm/s", 0, 1_000),
    CROWD_COUNT("crowd-count", "persons", 0, 100_000),
    TEMPERATURE("temperature", "degC", -50, 150);

    private final String id;
    private final String unit;
    private final double min;
    private final double max;

    SensorType(String id, String unit, double min, double max) {
        this.id = id;
        this.unit = unit;
        this.min = min;
        this.max = max;
    }

    public String id() {
        return id;
    }

    public String unit() {
        return unit;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public boolean inRange(double value) {
        return value >= min && value <= max;
    }

    public static Optional<SensorType> byId(String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (SensorType s : values()) {
                if (s.id.equals(t)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }
}

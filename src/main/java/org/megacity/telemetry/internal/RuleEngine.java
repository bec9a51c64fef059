package org.megacity.telemetry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Evaluates rules on readings in time order per sensor and keeps their state: the alarm state
 * machines (only for rule/sensor pairs pending or open) and, for rate rules, two bucket maxima per
 * sensor on primitive arrays. Not thread-safe: the caller serialises.
 */
final class RuleEngine {

    /** A change of an alert: raise or resolve for a rule on a sensor. */
    record Transition(AlertState.Step step, Rule rule, int sensorKey, long t, double value, String message) {
    }

    private final Map<Long, AlertState> states = new HashMap<>();
    private final Map<Long, RateBuckets> rates = new HashMap<>();

    private static long key(long ruleId, int sensorKey) {
        return (ruleId << 32) | (sensorKey & 0xffffffffL);
    }

    /** Marks an alert known to be open (after a restart). */
    void markOpen(long ruleId, int sensorKey) {
        states.computeIfAbsent(key(ruleId, sensorKey), k -> new AlertState()).open = true;
    }

    boolean isOpen(long ruleId, int sensorKey) {
        AlertState s = states.get(key(ruleId, sensorKey));
        return s != null && s.open;
    }

    /**
     * A rule changed: its rate windows start afresh; with {@code states} also its alarm states go
     * (a disabled rule).
     */
    void forget(long ruleId, boolean states) {
        rates.remove(ruleId);
        if (states) {
            this.states.keySet().removeIf(k -> k >>> 32 == ruleId);
        }
    }

    int stateCount() {
        return states.size();
    }

    /**
     * A reading newer than the sensor's previous one. {@code latest} gives the latest value of
     * another sensor by key; {@code siblings} are the keys of the other sensors of the same asset
     * with the composite rule's other type.
     */
    void onReading(Rule rule, int sensorKey, long t, double v, int[] siblings, IntToDoubleFunction latest,
            List<Transition> out) {
        switch (rule.kind()) {
            case Rule.THRESHOLD -> step(rule, sensorKey, t, v, rule.abnormal(v), rule.clear(v),
                    rule.minDurationSeconds() * 1000L, () -> String.format(Locale.ROOT, "%s: %.3f", rule.name(), v), out);
            case Rule.RATE -> {
                RateBuckets b = rates.computeIfAbsent(rule.id(), id -> new RateBuckets());
                double reference = b.offer(sensorKey, t, v, rule.windowSeconds() * 1000L);
                boolean drop = reference > 0 && v <= reference * (1 - rule.dropPercent() / 100.0);
                step(rule, sensorKey, t, v, drop, !drop, 0, () -> String.format(Locale.ROOT, "%s: %.3f from %.3f", rule.name(),
                        v, reference), out);
            }
            case Rule.COMPOSITE -> {
                boolean mine = rule.abnormal(v);
                boolean other = false;
                double otherValue = Double.NaN;
                if (siblings != null) {
                    for (int s : siblings) {
                        double o = latest.applyAsDouble(s);
                        if (rule.otherAbnormal(o)) {
                            other = true;
                            otherValue = o;
                            break;
                        }
                    }
                }
                boolean both = mine && other;
                final double seen = otherValue;
                step(rule, sensorKey, t, v, both, !both, rule.minDurationSeconds() * 1000L, () -> String.format(Locale.ROOT,
                        "%s: %.3f and %s %.3f", rule.name(), v, rule.otherType(), seen), out);
            }
            default -> {
            }
        }
    }

    /** The scheduled stale check of one sensor: {@code lastTs} its latest reading (or registration). */
    void onStaleCheck(Rule rule, int sensorKey, long now, long lastTs, int intervalSeconds, List<Transition> out) {
        boolean stale = now - lastTs > (long) rule.staleIntervals() * intervalSeconds * 1000L;
        step(rule, sensorKey, now, Double.NaN, stale, !stale, 0, rule::name, out);
    }

    private void step(Rule rule, int sensorKey, long t, double v, boolean abnormal, boolean clear, long minDuration,
            java.util.function.Supplier<String> message, List<Transition> out) {
        long k = key(rule.id(), sensorKey);
        AlertState s = states.get(k);
        if (s == null) {
            if (!abnormal) {
                return;
            }
            s = new AlertState();
            states.put(k, s);
        }
        AlertState.Step step = s.observe(t, abnormal, clear, minDuration, rule.holdSeconds() * 1000L);
        if (step != AlertState.Step.NONE) {
            out.add(new Transition(step, rule, sensorKey, t, v, message.get()));
        }
        if (s.idle()) {
            states.remove(k);
        }
    }

    /** Per sensor, the maxima of the current and the previous window bucket (12 bytes a sensor). */
    static final class RateBuckets {
        private float[] previous = new float[0];
        private float[] current = new float[0];
        private int[] bucket = new int[0];

        /** Takes a value; returns the highest value of the last one to two windows before it. */
        double offer(int sensor, long t, double v, long window) {
            if (sensor >= bucket.length) {
                int size = Math.max(sensor + 1, bucket.length * 2);
                previous = java.util.Arrays.copyOf(previous, size);
                current = java.util.Arrays.copyOf(current, size);
                bucket = java.util.Arrays.copyOf(bucket, size);
            }
            int b = (int) (t / Math.max(window, 1));
            if (b != bucket[sensor]) {
                previous[sensor] = b == bucket[sensor] + 1 ? current[sensor] : 0;
                current[sensor] = 0;
                bucket[sensor] = b;
            }
            double reference = Math.max(previous[sensor], current[sensor]);
            current[sensor] = (float) Math.max(current[sensor], v);
            return reference;
        }
    }

    static List<Transition> list() {
        return new ArrayList<>();
    }
}

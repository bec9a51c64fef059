package org.megacity.telemetry.internal;

import java.util.Arrays;

/**
 * The latest reading per sensor on two primitive arrays indexed by the sensor's key: 8 bytes time
 * (epoch ms, 0 for none) and 8 bytes value, 16 bytes a sensor. Growth is guarded by the caller;
 * readers see the arrays through volatile fields.
 */
final class LatestValues {

    private volatile long[] ts;
    private volatile double[] value;

    LatestValues(int capacity) {
        ts = new long[capacity];
        value = new double[capacity];
    }

    /** Makes room for {@code key} (caller holds the registry's growth lock). */
    void ensure(int key) {
        if (key >= ts.length) {
            int size = Math.max(ts.length * 2, key + 1);
            value = Arrays.copyOf(value, size);
            ts = Arrays.copyOf(ts, size);
        }
    }

    int capacity() {
        return ts.length;
    }

    /** Sets the latest reading as restored from storage. */
    void set(int key, long t, double v) {
        if (key < ts.length) {
            ts[key] = t;
            value[key] = v;
        }
    }

    /** Records a reading as the latest when it is newer; returns whether it was. */
    boolean offer(int key, long t, double v) {
        long[] times = ts;
        if (t > times[key]) {
            times[key] = t;
            value[key] = v;
            return true;
        }
        return false;
    }

    long ts(int key) {
        return ts[key];
    }

    double value(int key) {
        return value[key];
    }
}

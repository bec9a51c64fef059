package org.megacity.geo.internal.index;

import java.util.Arrays;

/** A growable array of doubles. */
final class DoubleList {

    private double[] values;
    private int size;

    DoubleList(int capacity) {
        values = new double[Math.max(4, capacity)];
    }

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    void set(int index, double value) {
        values[index] = value;
    }

    int size() {
        return size;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}

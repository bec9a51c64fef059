package org.megacity.geo.internal.index;

import java.util.Arrays;

/** A growable array of longs. */
final class LongList {

    private long[] values;
    private int size;

    LongList(int capacity) {
        values = new long[Math.max(4, capacity)];
    }

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    long get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    void sort() {
        Arrays.sort(values, 0, size);
    }
}

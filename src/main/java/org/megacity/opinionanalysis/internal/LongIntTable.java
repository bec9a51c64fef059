package org.megacity.opinionanalysis.internal;

import java.util.Arrays;

/** Open-addressing map from long keys to non-negative int values; -1 means absent. Grows (doubles) at three quarters full. */
final class LongIntTable {

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
        mask = capacity - 1;
    }

    /** The value of {@code key}, or -1 after storing {@code value} under it when it was absent. */
    int putIfAbsent(long key, int value) {
        int slot = (int) Shingles.mix(key) & mask;
        while (values[slot] >= 0) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        if (++size * 4 > keys.length * 3) {
            grow();
        }
        return -1;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        int slot = (int) Shingles.mix(key) & mask;
        while (values[slot] >= 0) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, -1);
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] >= 0) {
                int slot = (int) Shingles.mix(oldKeys[i]) & mask;
                while (values[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}

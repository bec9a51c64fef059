package org.megacity.opinionanalysis.internal;

/**
 * Open-addressing map from int keys to non-negative int values, each entry packed in one long (key
 * high, value + 1 low; 0 is empty) so that a probe touches one cache line; -1 means absent. Grows (doubles) at three quarters full.
 */
final class IntIntTable {

    private long[] slots;
    private int size;
    private int mask;

    IntIntTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity];
        mask = capacity - 1;
    }

    /** The value of {@code key}, or -1 after storing {@code value} under it when it was absent. */
    int putIfAbsent(int key, int value) {
        int slot = probe(key);
        long s = slots[slot];
        if (s != 0) {
            return (int) s - 1;
        }
        store(slot, key, value);
        return -1;
    }

    /** The value of {@code key}, or -1. */
    int get(int key) {
        long s = slots[probe(key)];
        return s == 0 ? -1 : (int) s - 1;
    }

    /** Stores {@code value} under {@code key}, known to be absent. */
    void putAbsent(int key, int value) {
        store(probe(key), key, value);
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int probe(int key) {
        int slot = slot(key);
        long s;
        while ((s = slots[slot]) != 0 && (int) (s >>> 32) != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void store(int slot, int key, int value) {
        slots[slot] = ((long) key << 32) | (value + 1L);
        if (++size * 4 > slots.length * 3) {
            grow();
        }
    }

    /** Slots allocated (8 bytes each). */
    int capacity() {
        return slots.length;
    }

    int size() {
        return size;
    }

    private int slot(int key) {
        return (key * 0x9E3779B9) >>> 7 & mask;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = slots.length - 1;
        for (long s : old) {
            if (s != 0) {
                int slot = slot((int) (s >>> 32));
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = s;
            }
        }
    }
}

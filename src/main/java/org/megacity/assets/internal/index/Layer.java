package org.megacity.assets.internal.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.megacity.assets.Asset;

/**
 * The assets of one type in memory: sorted by id (found by binary search over a {@code long[]}),
 * their boxes in four {@code double[]} and a {@link PackedGridIndex} over them. Immutable; a write
 * builds a new layer ({@link #with}) that replaces this one.
 */
public final class Layer<T extends Asset> {

    private final Object[] items;
    private final long[] ids;
    private final double[] minX;
    private final double[] minY;
    private final double[] maxX;
    private final double[] maxY;
    private final PackedGridIndex index;

    private Layer(Object[] items) {
        this.items = items;
        int n = items.length;
        this.ids = new long[n];
        this.minX = new double[n];
        this.minY = new double[n];
        this.maxX = new double[n];
        this.maxY = new double[n];
        for (int i = 0; i < n; i++) {
            Asset a = (Asset) items[i];
            ids[i] = a.id();
            Envelope e = a.envelope();
            minX[i] = e.getMinX();
            minY[i] = e.getMinY();
            maxX[i] = e.getMaxX();
            maxY[i] = e.getMaxY();
        }
        this.index = PackedGridIndex.build(minX, minY, maxX, maxY, n);
    }

    public static <T extends Asset> Layer<T> empty() {
        return new Layer<>(new Object[0]);
    }

    /** A layer of these assets; ids must be unique. */
    public static <T extends Asset> Layer<T> of(Collection<? extends T> assets) {
        Object[] sorted = assets.toArray();
        Arrays.sort(sorted, Comparator.comparingLong(a -> ((Asset) a).id()));
        for (int i = 1; i < sorted.length; i++) {
            if (((Asset) sorted[i]).id() == ((Asset) sorted[i - 1]).id()) {
                throw new IllegalArgumentException("duplicate id " + ((Asset) sorted[i]).id());
            }
        }
        return new Layer<>(sorted);
    }

    /** This layer with {@code added} stored (an asset with an id already here replaces it). */
    public Layer<T> with(Collection<? extends T> added) {
        if (added.isEmpty()) {
            return this;
        }
        Set<Long> replaced = new java.util.HashSet<>();
        for (T a : added) {
            replaced.add(a.id());
        }
        List<T> all = new ArrayList<>(items.length + added.size());
        for (int i = 0; i < items.length; i++) {
            if (!replaced.contains(ids[i])) {
                all.add(get(i));
            }
        }
        all.addAll(added);
        return of(all);
    }

    public int size() {
        return items.length;
    }

    @SuppressWarnings("unchecked")
    public T get(int index) {
        return (T) items[index];
    }

    /** The position of the asset with this id, or a negative number. */
    public int indexOf(long id) {
        return Arrays.binarySearch(ids, id);
    }

    public Optional<T> find(long id) {
        int i = indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(get(i));
    }

    public boolean contains(long id) {
        return indexOf(id) >= 0;
    }

    /** The largest id, or 0 when empty. */
    public long maxId() {
        return ids.length == 0 ? 0 : ids[ids.length - 1];
    }

    public PackedGridIndex index() {
        return index;
    }

    /** Positions of the assets whose boxes intersect the box, at most {@code limit}. */
    public int[] query(Envelope box, int limit) {
        IntBuffer out = new IntBuffer(Math.min(limit, 1024));
        index.query(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY(), item -> {
            out.add(item);
            return out.size() < limit;
        });
        return out.toArray();
    }

    public int count(Envelope box) {
        return index.count(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY());
    }

    public double minX(int i) {
        return minX[i];
    }

    public double minY(int i) {
        return minY[i];
    }

    public double maxX(int i) {
        return maxX[i];
    }

    public double maxY(int i) {
        return maxY[i];
    }

    /** A growable int array. */
    public static final class IntBuffer {
        private int[] values;
        private int size;

        public IntBuffer(int capacity) {
            values = new int[Math.max(8, capacity)];
        }

        public void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        public int size() {
            return size;
        }

        public int get(int i) {
            return values[i];
        }

        public int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}

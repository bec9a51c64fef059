package org.megacity.assets.internal.index;

/**
 * A static spatial index of bounding boxes in primitive arrays: a uniform grid whose cells list the
 * items they overlap in one packed {@code int[]} (compressed sparse rows: {@code cellStart[c]} to
 * {@code cellStart[c + 1]} in {@code entries}).
 *
 * <p>Why a grid and not a tree: city assets are small (a pipe segment spans tens of metres, a
 * component is a point) and fairly evenly spread over the built area, so a grid with about
 * {@value #ITEMS_PER_CELL} items per cell answers a box query by visiting only the cells the box
 * overlaps, with no pointer chasing and no per-node objects. A JTS {@code STRtree} holds an object
 * per item and per node (about 100 bytes an item) and walks boxed envelopes; this index holds 4
 * doubles per item (kept by the caller) and about 1.3 ints per item. The figures against the STRtree
 * are in docs/benchmarks.md ("Assets").
 *
 * <p>An item overlapping several cells is listed in each; a query reports it once, from the cell
 * holding the lower-left corner of the intersection of the item's box and the query box (the
 * "reference point" method of Dittrich and Seeger, ICDE 2000), so no visited set is needed. Items
 * spanning more than {@value #MAX_CELLS_PER_ITEM} cells (a park the size of a district) are kept
 * in a separate list checked on every query.
 *
 * <p>Immutable once built and safe to share between threads.
 */
public final class PackedGridIndex {

    /** The grid is sized for about this many items per cell. */
    static final int ITEMS_PER_CELL = 4;
    static final int MAX_CELLS_PER_ITEM = 256;
    private static final int MAX_CELLS = 1 << 22;

    /** Receives item indexes; returns false to stop the query. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(int item);
    }

    private final double[] minX;
    private final double[] minY;
    private final double[] maxX;
    private final double[] maxY;
    private final int size;
    private final double x0;
    private final double y0;
    private final double cellW;
    private final double cellH;
    private final int cols;
    private final int rows;
    private final int[] cellStart;
    private final int[] entries;
    private final int[] large;

    private PackedGridIndex(double[] minX, double[] minY, double[] maxX, double[] maxY, int size, double x0, double y0,
            double cellW, double cellH, int cols, int rows, int[] cellStart, int[] entries, int[] large) {
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
        this.size = size;
        this.x0 = x0;
        this.y0 = y0;
        this.cellW = cellW;
        this.cellH = cellH;
        this.cols = cols;
        this.rows = rows;
        this.cellStart = cellStart;
        this.entries = entries;
        this.large = large;
    }

    /**
     * Indexes items {@code 0..size-1} by their boxes. The arrays are kept, not copied: do not change
     * them afterwards.
     */
    public static PackedGridIndex build(double[] minX, double[] minY, double[] maxX, double[] maxY, int size) {
        if (size == 0) {
            return new PackedGridIndex(minX, minY, maxX, maxY, 0, 0, 0, 1, 1, 1, 1, new int[2], new int[0], new int[0]);
        }
        double ex0 = Double.POSITIVE_INFINITY;
        double ey0 = Double.POSITIVE_INFINITY;
        double ex1 = Double.NEGATIVE_INFINITY;
        double ey1 = Double.NEGATIVE_INFINITY;
        double sumW = 0;
        double sumH = 0;
        for (int i = 0; i < size; i++) {
            ex0 = Math.min(ex0, minX[i]);
            ey0 = Math.min(ey0, minY[i]);
            ex1 = Math.max(ex1, maxX[i]);
            ey1 = Math.max(ey1, maxY[i]);
            sumW += maxX[i] - minX[i];
            sumH += maxY[i] - minY[i];
        }
        double width = Math.max(ex1 - ex0, 1e-9);
        double height = Math.max(ey1 - ey0, 1e-9);
        long targetCells = Math.max(1, Math.min(MAX_CELLS, size / ITEMS_PER_CELL));
        double side = Math.sqrt(width * height / targetCells);
        // cells no smaller than the typical item, or every item would be listed in many cells
        side = Math.max(side, Math.max(sumW, sumH) / size);
        int cols = (int) Math.max(1, Math.min(MAX_CELLS, Math.ceil(width / side)));
        int rows = (int) Math.max(1, Math.min(MAX_CELLS / cols, Math.ceil(height / side)));
        double cellW = width / cols * (1 + 1e-12);
        double cellH = height / rows * (1 + 1e-12);
        PackedGridIndex shape = new PackedGridIndex(minX, minY, maxX, maxY, size, ex0, ey0, cellW, cellH, cols, rows,
                null, null, null);
        int[] counts = new int[cols * rows + 1];
        int largeCount = 0;
        for (int i = 0; i < size; i++) {
            int c0 = shape.col(minX[i]);
            int c1 = shape.col(maxX[i]);
            int r0 = shape.row(minY[i]);
            int r1 = shape.row(maxY[i]);
            if ((long) (c1 - c0 + 1) * (r1 - r0 + 1) > MAX_CELLS_PER_ITEM) {
                largeCount++;
                continue;
            }
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    counts[r * cols + c + 1]++;
                }
            }
        }
        for (int c = 1; c < counts.length; c++) {
            counts[c] += counts[c - 1];
        }
        int[] cellStart = counts.clone();
        int[] entries = new int[counts[counts.length - 1]];
        int[] large = new int[largeCount];
        int l = 0;
        for (int i = 0; i < size; i++) {
            int c0 = shape.col(minX[i]);
            int c1 = shape.col(maxX[i]);
            int r0 = shape.row(minY[i]);
            int r1 = shape.row(maxY[i]);
            if ((long) (c1 - c0 + 1) * (r1 - r0 + 1) > MAX_CELLS_PER_ITEM) {
                large[l++] = i;
                continue;
            }
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    entries[counts[r * cols + c]++] = i;
                }
            }
        }
        return new PackedGridIndex(minX, minY, maxX, maxY, size, ex0, ey0, cellW, cellH, cols, rows, cellStart,
                entries, large);
    }

    public int size() {
        return size;
    }

    /**
     * Visits every item whose box intersects the query box (boundaries included), each once, until
     * the visitor returns false.
     */
    public void query(double qx0, double qy0, double qx1, double qy1, Visitor visitor) {
        if (size == 0 || qx0 > qx1 || qy0 > qy1) {
            return;
        }
        for (int item : large) {
            if (intersects(item, qx0, qy0, qx1, qy1) && !visitor.visit(item)) {
                return;
            }
        }
        int c0 = col(qx0);
        int c1 = col(qx1);
        int r0 = row(qy0);
        int r1 = row(qy1);
        for (int r = r0; r <= r1; r++) {
            int rowBase = r * cols;
            for (int c = c0; c <= c1; c++) {
                int cell = rowBase + c;
                for (int k = cellStart[cell], end = cellStart[cell + 1]; k < end; k++) {
                    int item = entries[k];
                    if (!intersects(item, qx0, qy0, qx1, qy1)) {
                        continue;
                    }
                    // reported only from the cell of the intersection's lower-left corner
                    if (col(Math.max(qx0, minX[item])) != c || row(Math.max(qy0, minY[item])) != r) {
                        continue;
                    }
                    if (!visitor.visit(item)) {
                        return;
                    }
                }
            }
        }
    }

    /** How many items intersect the box. */
    public int count(double qx0, double qy0, double qx1, double qy1) {
        int[] n = new int[1];
        query(qx0, qy0, qx1, qy1, item -> {
            n[0]++;
            return true;
        });
        return n[0];
    }

    /** The bytes this index holds beyond the item boxes. */
    public long indexBytes() {
        return 4L * (cellStart.length + entries.length + large.length);
    }

    private boolean intersects(int i, double qx0, double qy0, double qx1, double qy1) {
        return minX[i] <= qx1 && maxX[i] >= qx0 && minY[i] <= qy1 && maxY[i] >= qy0;
    }

    private int col(double x) {
        int c = (int) Math.floor((x - x0) / cellW);
        return c < 0 ? 0 : (c >= cols ? cols - 1 : c);
    }

    private int row(double y) {
        int r = (int) Math.floor((y - y0) / cellH);
        return r < 0 ? 0 : (r >= rows ? rows - 1 : r);
    }
}

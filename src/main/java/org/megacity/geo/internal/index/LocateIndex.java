package org.megacity.geo.internal.index;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.Geometry;

/**
 * Finds which of many polygons (the unit grids) covers a point: the hot path of {@code locate}.
 *
 * <p><b>Semantics.</b> {@link #locate} returns the index of the first polygon, in the order given
 * (code order), whose closed boundary covers the point, exactly as JTS's point-in-area location
 * ({@code RayCrossingCounter} with the robust orientation predicate) decides it; {@code -1} when no
 * polygon covers it. So a point on an edge or a vertex shared by two grids belongs to the one with
 * the lower code, and the answer equals a brute-force scan.
 *
 * <p><b>Design.</b> Two levels of uniform rasters over the polygons' bounding box, then an exact
 * test only where boundaries meet:
 * <ul>
 * <li>Level 1: {@code cells}, one int per cell of about a quarter of a typical grid's side. An entry
 *     {@code >= 0} is the polygon that covers the whole cell, {@code -1} means no polygon touches
 *     it, and {@code <= -2} is a reference: to an edge record when exactly one edge (shared or not)
 *     crosses the cell, else to a level-2 block.</li>
 * <li>Edge records: the edge's end points and, for points right of, on and left of it, the first
 *     polygon in code order that covers them. One orientation test decides, with the very
 *     predicate the exact test would apply to that edge, so the answer is the same.</li>
 * <li>Level 2: {@code blocks}, {@value #SUB}x{@value #SUB} ints per remaining crossed cell (64
 *     bytes, about one cache line), with the same meanings, the last kind of reference pointing
 *     into {@code lists}: interned lists of (polygon, data offset) pairs to test exactly, in code
 *     order, a polygon that covers the rest of the sub-cell ending the list.</li>
 * <li>The exact test walks {@link FlatPolygons}: one {@code double[]} with each polygon's bounding
 *     box and rings contiguous, so a test costs about one cache miss and allocates nothing.</li>
 * </ul>
 * A cell counts as decided only when no other boundary comes within {@value #EPSILON_DEGREES}
 * degrees of it. That margin is many orders of magnitude above the rounding error of mapping a
 * coordinate to its cell (about 1e-13 degrees), so rounding at a cell's edge can never put a point
 * in a cell whose answer is not also its own. The polygons must be valid (as the import ensures):
 * an edge record relies on each polygon's interior lying on one side of its edges.
 *
 * <p><b>Building.</b> Each polygon's segments are walked row by row through the raster
 * (a conservative supercover: every cell within the margin of a segment is marked), giving the
 * crossed cells per polygon; a cell no boundary crosses takes the answer at its centre. Crossed
 * cells are refined the same way at level 2. A polygon whose boundary misses a crossed cell but
 * which contains its centre covers that cell whole. The work is proportional to the boundaries'
 * length in cells, not to the number of cells times polygons. Figures: docs/benchmarks.md.
 *
 * <p>Sources: the two-level uniform grid is the classic "grid method" for point location in
 * planar subdivisions (e.g. Žalik and Kolingerova, "A cell-based point-in-polygon algorithm suitable
 * for large sets of points", Computers &amp; Geosciences 27, 2001); the exact predicate is JTS's.
 */
public final class LocateIndex {

    /** The margin, in degrees (about 0.1 mm), by which a cell is widened before it may be decided whole. */
    static final double EPSILON_DEGREES = 1e-9;

    /** Level-2 blocks have SUB x SUB cells; a power of two, so sub-cell positions are exact. */
    static final int SUB = 4;
    private static final int SUB_CELLS = SUB * SUB;

    /** Entry of a cell that no polygon touches. */
    private static final int OUTSIDE = -1;

    /** Level-1 cells per polygon, at most; more would only cost memory. */
    private static final int MAX_CELLS_PER_POLYGON = 32;
    private static final int MAX_CELLS = 1 << 24;

    private final FlatPolygons shapes;
    private final double originX;
    private final double originY;
    private final double inverseCell;
    private final int columns;
    private final int rows;
    private final int[] cells;
    private final int[] blocks;
    private final int[] lists;
    private final double[] edges;
    private final int[] edgeAnswers;

    private LocateIndex(Builder b) {
        this.shapes = b.shapes;
        this.originX = b.originX;
        this.originY = b.originY;
        this.inverseCell = b.inverseCell;
        this.columns = b.columns;
        this.rows = b.rows;
        this.cells = b.cells;
        this.blocks = b.blocks.toArray();
        this.lists = b.lists.toArray();
        this.edges = b.edges.toArray();
        this.edgeAnswers = b.edgeAnswers.toArray();
    }

    /**
     * Indexes polygonal geometries ({@code Polygon} or {@code MultiPolygon}); their order is the
     * order of precedence where they share boundaries.
     */
    public static LocateIndex build(List<? extends Geometry> geometries) {
        return new LocateIndex(new Builder(new FlatPolygons(geometries)));
    }

    /** The number of polygons indexed. */
    public int size() {
        return shapes.size();
    }

    /**
     * The index of the first polygon whose closed boundary covers {@code (x, y)}, or {@code -1}.
     * Allocates nothing; NaN and points off the raster give {@code -1}.
     */
    public int locate(double x, double y) {
        double fx = (x - originX) * inverseCell;
        double fy = (y - originY) * inverseCell;
        if (!(fx >= 0 && fy >= 0 && fx < columns && fy < rows)) {
            return OUTSIDE;
        }
        int cx = (int) fx;
        int cy = (int) fy;
        int entry = cells[cy * columns + cx];
        if (entry >= OUTSIDE) {
            return entry;
        }
        int cellReference = -entry - 2;
        if ((cellReference & 1) == 0) {
            return sideOfEdge(cellReference >>> 1, x, y);
        }
        // fx - cx is exact, and so is the product with a power of two: the sub-cell of a point is
        // floor(SUB * fx) - SUB * cx, the very cell the builder reasoned about
        int sx = (int) ((fx - cx) * SUB);
        int sy = (int) ((fy - cy) * SUB);
        int sub = blocks[(cellReference >>> 1) * SUB_CELLS + sy * SUB + sx];
        if (sub >= OUTSIDE) {
            return sub;
        }
        int reference = -sub - 2;
        if ((reference & 1) == 0) {
            return sideOfEdge(reference >>> 1, x, y);
        }
        return testCandidates(reference >>> 1, x, y);
    }

    /**
     * A sub-cell that one edge crosses and nothing else: the side of the edge decides. The
     * orientation is the predicate the exact test would use for that edge, so the answer is the
     * same; {@code edgeAnswers} holds, for right, on and left, the first polygon in code order
     * covering such points.
     */
    private int sideOfEdge(int edge, double x, double y) {
        int e = 4 * edge;
        int orientation = CGAlgorithmsDD.orientationIndex(edges[e], edges[e + 1], edges[e + 2], edges[e + 3], x, y);
        return edgeAnswers[3 * edge + 1 + orientation];
    }

    /**
     * How a lookup is decided, for measurements: 0 off the raster or outside at level 1, 1 by a
     * level-1 cell, 2 by a level-2 cell, 3 by the side of one edge in a level-2 cell, 4 by exact
     * tests of a list, 5 by the side of the one edge crossing a level-1 cell.
     */
    int decidedBy(double x, double y) {
        double fx = (x - originX) * inverseCell;
        double fy = (y - originY) * inverseCell;
        if (!(fx >= 0 && fy >= 0 && fx < columns && fy < rows)) {
            return 0;
        }
        int cx = (int) fx;
        int cy = (int) fy;
        int entry = cells[cy * columns + cx];
        if (entry >= OUTSIDE) {
            return entry == OUTSIDE ? 0 : 1;
        }
        if (((-entry - 2) & 1) == 0) {
            return 5;
        }
        int sub = blocks[((-entry - 2) >>> 1) * SUB_CELLS + (int) ((fy - cy) * SUB) * SUB + (int) ((fx - cx) * SUB)];
        if (sub >= OUTSIDE) {
            return 2;
        }
        return ((-sub - 2) & 1) == 0 ? 3 : 4;
    }

    /** Tests a candidate list: its length, then pairs of (polygon, where its data begins). */
    private int testCandidates(int offset, double x, double y) {
        int end = offset + 1 + 2 * lists[offset];
        for (int i = offset + 1; i < end; i += 2) {
            int candidate = lists[i];
            if (candidate < 0) {
                return ~candidate; // covers the rest of the sub-cell
            }
            if (shapes.coversAt(lists[i + 1], x, y)) {
                return candidate;
            }
        }
        return OUTSIDE;
    }

    /** Memory held by the rasters and vertex arrays, in bytes. */
    public long footprintBytes() {
        return 4L * (cells.length + blocks.length + lists.length + edgeAnswers.length) + 8L * edges.length
                + shapes.footprintBytes();
    }

    @Override
    public String toString() {
        return "LocateIndex[" + size() + " polygons, " + columns + "x" + rows + " cells, "
                + blocks.length / SUB_CELLS + " refined, " + lists.length + " list ints, " + edgeAnswers.length / 3
                + " edges, "
                + footprintBytes() / 1024 + " KiB]";
    }

    /**
     * Adds to {@code out} every cell ({@code row * stride + column}) of a raster with origin
     * {@code (originX, originY)} and {@code inverse} cells per degree that lies within
     * {@code margin} cells of the segment, limited to the given columns and rows. Walks the rows the
     * segment spans and, in each, the columns its stretch in that row spans (widened by the margin):
     * a conservative supercover. Rounding errors here are around 1e-12 cells, far below the margin.
     */
    static void segmentCells(double x1, double y1, double x2, double y2, double originX, double originY,
            double inverse, double margin, int columnMin, int columnMax, int rowMin, int rowMax, IntList out,
            int stride) {
        double u1 = (x1 - originX) * inverse;
        double v1 = (y1 - originY) * inverse;
        double u2 = (x2 - originX) * inverse;
        double v2 = (y2 - originY) * inverse;
        if (v1 > v2) {
            double t = u1;
            u1 = u2;
            u2 = t;
            t = v1;
            v1 = v2;
            v2 = t;
        }
        int rowLo = Math.max(rowMin, (int) Math.floor(v1 - margin));
        int rowHi = Math.min(rowMax, (int) Math.floor(v2 + margin));
        double du = u2 - u1;
        double dv = v2 - v1;
        for (int row = rowLo; row <= rowHi; row++) {
            double uLo;
            double uHi;
            if (dv <= margin) {
                uLo = Math.min(u1, u2);
                uHi = Math.max(u1, u2);
            } else {
                double bandLo = Math.max(row - margin, v1);
                double bandHi = Math.min(row + 1 + margin, v2);
                double ua = u1 + du * ((bandLo - v1) / dv);
                double ub = u1 + du * ((bandHi - v1) / dv);
                uLo = Math.min(ua, ub);
                uHi = Math.max(ua, ub);
            }
            int columnLo = Math.max(columnMin, (int) Math.floor(uLo - margin));
            int columnHi = Math.min(columnMax, (int) Math.floor(uHi + margin));
            for (int column = columnLo; column <= columnHi; column++) {
                out.add(row * stride + column);
            }
        }
    }

    /** Builds the rasters. */
    private static final class Builder {

        final FlatPolygons shapes;
        final int polygons;
        double originX;
        double originY;
        double inverseCell;
        int columns;
        int rows;
        int[] cells = new int[0];
        final IntList blocks = new IntList(1024);
        final IntList lists = new IntList(1024);
        final java.util.Map<CandidateKey, Integer> internedLists = new java.util.HashMap<>();
        final DoubleList edges = new DoubleList(1024);
        final IntList edgeAnswers = new IntList(1024);
        final java.util.Map<EdgeKey, Integer> internedEdges = new java.util.HashMap<>();

        Builder(FlatPolygons shapes) {
            this.shapes = shapes;
            this.polygons = shapes.size();
            if (polygons == 0) {
                return;
            }
            chooseRaster();
            rasterise();
        }

        /**
         * A cell of about a quarter of a typical polygon's side, within a bounded number of cells.
         * A quarter rather than a half: 15-17 million lookups/s instead of 8 on the 64,000-grid
         * benchmark, since far fewer lookups reach an exact point-in-polygon test (docs/benchmarks.md).
         */
        private void chooseRaster() {
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            double[] sides = new double[polygons];
            for (int p = 0; p < polygons; p++) {
                minX = Math.min(minX, shapes.minX(p));
                minY = Math.min(minY, shapes.minY(p));
                maxX = Math.max(maxX, shapes.maxX(p));
                maxY = Math.max(maxY, shapes.maxY(p));
                sides[p] = Math.sqrt((shapes.maxX(p) - shapes.minX(p)) * (shapes.maxY(p) - shapes.minY(p)));
            }
            Arrays.sort(sides);
            double width = maxX - minX;
            double height = maxY - minY;
            double cell = sides[polygons / 2] / 4;
            long budget = Math.min(MAX_CELLS, Math.max(1 << 12, (long) MAX_CELLS_PER_POLYGON * polygons));
            double smallest = Math.max(width, height) / Math.sqrt(budget);
            if (!(cell >= smallest)) {
                cell = smallest;
            }
            if (!(cell > 1e-7)) {
                cell = 1e-7;
            }
            // a spare cell on every side, so that points on the outermost boundaries fall inside
            // the raster whatever the rounding
            originX = minX - cell;
            originY = minY - cell;
            inverseCell = 1 / cell;
            columns = (int) Math.ceil(width * inverseCell) + 3;
            rows = (int) Math.ceil(height * inverseCell) + 3;
        }

        private void rasterise() {
            double margin = EPSILON_DEGREES * inverseCell;

            // 1. the level-1 cells each polygon's boundary comes near, sorted, per polygon
            int[] crossedStart = new int[polygons + 1];
            IntList crossed = new IntList(polygons * 12);
            IntList scratch = new IntList(64);
            for (int p = 0; p < polygons; p++) {
                crossedStart[p] = crossed.size();
                scratch.clear();
                shapes.forEachSegment(p, (x1, y1, x2, y2, left) -> segmentCells(x1, y1, x2, y2, originX, originY,
                        inverseCell, margin, 0, columns - 1, 0, rows - 1, scratch, columns));
                scratch.sortDistinct();
                crossed.addAll(scratch);
            }
            crossedStart[polygons] = crossed.size();
            int[] crossedCells = crossed.array();

            // 2. (cell, polygon) pairs, sorted later by cell then polygon, i.e. in code order
            LongList pairs = new LongList(crossed.size() + 1024);
            int[] crossings = new int[columns * rows];
            for (int p = 0; p < polygons; p++) {
                for (int i = crossedStart[p]; i < crossedStart[p + 1]; i++) {
                    crossings[crossedCells[i]]++;
                    pairs.add(pair(crossedCells[i], p, false));
                }
            }

            // 3. a cell no boundary comes near lies wholly inside or outside each polygon: its
            //    centre decides; a crossed cell that a polygon contains without its boundary
            //    passing near is covered by that polygon whole
            cells = new int[columns * rows];
            Arrays.fill(cells, Integer.MIN_VALUE);
            double cell = 1 / inverseCell;
            for (int p = 0; p < polygons; p++) {
                int c0 = clamp((int) Math.floor((shapes.minX(p) - originX) * inverseCell), columns);
                int c1 = clamp((int) Math.floor((shapes.maxX(p) - originX) * inverseCell), columns);
                int r0 = clamp((int) Math.floor((shapes.minY(p) - originY) * inverseCell), rows);
                int r1 = clamp((int) Math.floor((shapes.maxY(p) - originY) * inverseCell), rows);
                for (int r = r0; r <= r1; r++) {
                    for (int c = c0; c <= c1; c++) {
                        int index = r * columns + c;
                        double centreX = originX + (c + 0.5) * cell;
                        double centreY = originY + (r + 0.5) * cell;
                        if (crossings[index] == 0) {
                            if (cells[index] == Integer.MIN_VALUE && shapes.covers(p, centreX, centreY)) {
                                cells[index] = p;
                            }
                        } else if (Arrays.binarySearch(crossedCells, crossedStart[p], crossedStart[p + 1], index) < 0
                                && shapes.covers(p, centreX, centreY)) {
                            pairs.add(pair(index, p, true));
                        }
                    }
                }
            }
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] == Integer.MIN_VALUE) {
                    cells[i] = OUTSIDE;
                }
            }

            // 4. refine the crossed cells
            pairs.sort();
            IntList members = new IntList(16);
            int n = pairs.size();
            int i = 0;
            while (i < n) {
                int cellIndex = pairCell(pairs.get(i));
                members.clear();
                while (i < n && pairCell(pairs.get(i)) == cellIndex) {
                    long value = pairs.get(i);
                    members.add(pairContains(value) ? ~pairPolygon(value) : pairPolygon(value));
                    i++;
                }
                refine(cellIndex, members);
            }
        }

        /**
         * Decides the sub-cells of a crossed cell. {@code members} holds, in code order, the
         * polygons whose boundary comes near it and, as {@code ~p}, those that contain it whole.
         */
        private void refine(int cellIndex, IntList members) {
            if (members.get(0) < 0) {
                cells[cellIndex] = ~members.get(0);
                return;
            }
            int column = cellIndex % columns;
            int row = cellIndex / columns;
            double fineInverse = inverseCell * SUB;
            double fineMargin = EPSILON_DEGREES * fineInverse;
            double fine = 1 / fineInverse;
            double cellMinX = originX + column / inverseCell - 2 * EPSILON_DEGREES;
            double cellMinY = originY + row / inverseCell - 2 * EPSILON_DEGREES;
            double cellMaxX = originX + (column + 1) / inverseCell + 2 * EPSILON_DEGREES;
            double cellMaxY = originY + (row + 1) / inverseCell + 2 * EPSILON_DEGREES;
            int fineStride = SUB * columns;
            int[] masks = new int[members.size()];
            // per sub-cell, the edges near it: x1, y1, x2, y2 as stored, the polygon, its side
            @SuppressWarnings("unchecked")
            List<NearEdge>[] near = new List[SUB_CELLS];
            IntList scratch = new IntList(SUB_CELLS);
            for (int m = 0; m < members.size(); m++) {
                int p = members.get(m);
                if (p < 0) {
                    continue;
                }
                int[] mask = {0};
                shapes.forEachSegment(p, (x1, y1, x2, y2, interiorLeft) -> {
                    if (Math.max(x1, x2) < cellMinX || Math.min(x1, x2) > cellMaxX
                            || Math.max(y1, y2) < cellMinY || Math.min(y1, y2) > cellMaxY) {
                        return;
                    }
                    scratch.clear();
                    segmentCells(x1, y1, x2, y2, originX, originY, fineInverse, fineMargin, SUB * column,
                            SUB * column + SUB - 1, SUB * row, SUB * row + SUB - 1, scratch, fineStride);
                    for (int s = 0; s < scratch.size(); s++) {
                        int fineCell = scratch.get(s);
                        int sub = (fineCell / fineStride - SUB * row) * SUB + fineCell % fineStride - SUB * column;
                        mask[0] |= 1 << sub;
                        if (near[sub] == null) {
                            near[sub] = new java.util.ArrayList<>(4);
                        }
                        near[sub].add(new NearEdge(x1, y1, x2, y2, p, interiorLeft));
                    }
                });
                masks[m] = mask[0];
            }
            List<NearEdge> cellNear = new java.util.ArrayList<>();
            for (List<NearEdge> list : near) {
                if (list != null) {
                    cellNear.addAll(list);
                }
            }
            int cellEdge = singleEdge(cellNear, members);
            if (cellEdge >= 0) {
                cells[cellIndex] = -2 - (cellEdge << 1);
                return;
            }
            cells[cellIndex] = -2 - ((blocks.size() / SUB_CELLS) << 1 | 1);
            IntList candidates = new IntList(8);
            for (int sy = 0; sy < SUB; sy++) {
                for (int sx = 0; sx < SUB; sx++) {
                    int sub = sy * SUB + sx;
                    int bit = 1 << sub;
                    double centreX = originX + (SUB * column + sx + 0.5) * fine;
                    double centreY = originY + (SUB * row + sy + 0.5) * fine;
                    candidates.clear();
                    for (int m = 0; m < members.size(); m++) {
                        int p = members.get(m);
                        if (p < 0) {
                            candidates.add(p);
                            break;
                        }
                        if ((masks[m] & bit) != 0) {
                            candidates.add(p);
                        } else if (shapes.covers(p, centreX, centreY)) {
                            candidates.add(~p);
                            break;
                        }
                    }
                    if (candidates.size() == 0) {
                        blocks.add(OUTSIDE);
                    } else if (candidates.get(0) < 0) {
                        blocks.add(~candidates.get(0));
                    } else {
                        int edge = singleEdge(near[sub], candidates);
                        blocks.add(edge >= 0 ? -2 - (edge << 1) : -2 - (intern(candidates) << 1 | 1));
                    }
                }
            }
        }

        /** An edge near a sub-cell, of polygon {@code polygon}, whose interior lies left of it or not. */
        private record NearEdge(double x1, double y1, double x2, double y2, int polygon, boolean interiorLeft) {

            boolean sameSegment(NearEdge o) {
                return (x1 == o.x1 && y1 == o.y1 && x2 == o.x2 && y2 == o.y2)
                        || (x1 == o.x2 && y1 == o.y2 && x2 == o.x1 && y2 == o.y1);
            }

            boolean sameDirection(NearEdge o) {
                return x1 == o.x1 && y1 == o.y1;
            }
        }

        /**
         * When one segment (shared or not) is the only boundary near a sub-cell, an edge record that
         * answers by the side of it; otherwise -1. {@code candidates} are the sub-cell's polygons in
         * code order, crossing ones as themselves and a final containing one as {@code ~p}.
         */
        private int singleEdge(List<NearEdge> near, IntList candidates) {
            if (near == null || near.isEmpty()) {
                return -1;
            }
            NearEdge first = near.get(0);
            for (NearEdge e : near) {
                if (!e.sameSegment(first)) {
                    return -1;
                }
            }
            int left = OUTSIDE;
            int right = OUTSIDE;
            int on = OUTSIDE;
            for (int i = 0; i < candidates.size(); i++) {
                int candidate = candidates.get(i);
                if (candidate < 0) {
                    int p = ~candidate;
                    left = left == OUTSIDE ? p : left;
                    right = right == OUTSIDE ? p : right;
                    on = on == OUTSIDE ? p : on;
                    break;
                }
                NearEdge mine = null;
                for (NearEdge e : near) {
                    if (e.polygon() == candidate && !e.equals(mine)) {
                        if (mine != null) {
                            return -1; // the polygon runs along this segment twice: not a simple side
                        }
                        mine = e;
                    }
                }
                if (mine == null) {
                    return -1;
                }
                // its interior's side, relative to the first edge's direction
                boolean interiorLeft = mine.interiorLeft() == mine.sameDirection(first);
                if (interiorLeft) {
                    left = left == OUTSIDE ? candidate : left;
                } else {
                    right = right == OUTSIDE ? candidate : right;
                }
                on = on == OUTSIDE ? candidate : on;
            }
            EdgeKey key = new EdgeKey(first.x1(), first.y1(), first.x2(), first.y2(), right, on, left);
            Integer known = internedEdges.get(key);
            if (known != null) {
                return known;
            }
            int index = edgeAnswers.size() / 3;
            edges.add(first.x1());
            edges.add(first.y1());
            edges.add(first.x2());
            edges.add(first.y2());
            edgeAnswers.add(right);
            edgeAnswers.add(on);
            edgeAnswers.add(left);
            internedEdges.put(key, index);
            return index;
        }

        private record EdgeKey(double x1, double y1, double x2, double y2, int right, int on, int left) {
        }

        /**
         * The offset of a candidate list in {@code lists}, shared with every sub-cell that has the
         * same candidates (most lists are the two grids either side of one edge): fewer distinct
         * lists stay in cache.
         */
        private int intern(IntList candidates) {
            int[] key = candidates.toArray();
            Integer known = internedLists.get(new CandidateKey(key));
            if (known != null) {
                return known;
            }
            int at = lists.size();
            lists.add(key.length);
            for (int candidate : key) {
                lists.add(candidate);
                lists.add(candidate < 0 ? 0 : shapes.offset[candidate]);
            }
            internedLists.put(new CandidateKey(key), at);
            return at;
        }

        private record CandidateKey(int[] candidates) {
            @Override
            public boolean equals(Object o) {
                return o instanceof CandidateKey other && Arrays.equals(candidates, other.candidates);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(candidates);
            }
        }

        private static long pair(int cell, int polygon, boolean contains) {
            return ((long) cell << 32) | ((long) polygon << 1) | (contains ? 1 : 0);
        }

        private static int pairCell(long pair) {
            return (int) (pair >>> 32);
        }

        private static int pairPolygon(long pair) {
            return (int) ((pair & 0xffffffffL) >>> 1);
        }

        private static boolean pairContains(long pair) {
            return (pair & 1) != 0;
        }

        private static int clamp(int value, int size) {
            return Math.max(0, Math.min(size - 1, value));
        }
    }
}

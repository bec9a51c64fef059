package org.megacity.geo.internal.index;

import java.util.List;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Polygonal geometries flattened into one {@code double[]} for an exact point-in-polygon test that
 * allocates nothing and touches one contiguous stretch of memory per polygon (which matters more
 * than arithmetic on the hot path: a lookup that needs the exact test pays for every cache miss).
 *
 * <p>Layout of polygon {@code p} from {@code offset[p]}: minX, minY, maxX, maxY, the number of
 * rings, then per ring its number of vertices {@code n}, its kind ({@link #HOLE} for a hole, plus
 * {@link #INTERIOR_LEFT} when the polygon's interior lies left of the ring's edges as stored), and
 * the {@code 2n} interleaved coordinates of the closed ring. A part's holes follow its shell.
 *
 * <p>The test is JTS's {@code RayCrossingCounter} with the same robust orientation predicate
 * ({@link CGAlgorithmsDD#orientationIndex(double, double, double, double, double, double)}), so a
 * point on an edge or a vertex is on the boundary exactly when JTS says so.
 */
final class FlatPolygons {

    private static final int EXTERIOR = 0;
    private static final int INTERIOR = 1;
    private static final int BOUNDARY = 2;
    static final int HEADER = 5;
    static final int HOLE = 1;
    static final int INTERIOR_LEFT = 2;

    /** Where each polygon's data begins in {@link #data}; one more entry marks the end. */
    final int[] offset;
    final double[] data;

    FlatPolygons(List<? extends Geometry> geometries) {
        int count = geometries.size();
        offset = new int[count + 1];
        DoubleList values = new DoubleList(count * 40 + 16);
        for (int p = 0; p < count; p++) {
            Geometry geometry = geometries.get(p);
            offset[p] = values.size();
            Envelope e = geometry.getEnvelopeInternal();
            values.add(e.getMinX());
            values.add(e.getMinY());
            values.add(e.getMaxX());
            values.add(e.getMaxY());
            int ringsAt = values.size();
            values.add(0);
            int rings = 0;
            for (int part = 0; part < geometry.getNumGeometries(); part++) {
                if (!(geometry.getGeometryN(part) instanceof Polygon polygon) || polygon.isEmpty()) {
                    continue;
                }
                for (int r = -1; r < polygon.getNumInteriorRing(); r++) {
                    LinearRing ring = r < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r);
                    CoordinateSequence sequence = ring.getCoordinateSequence();
                    values.add(sequence.size());
                    boolean counterClockwise = signedTwiceArea(sequence) > 0;
                    // a shell wound counter-clockwise, or a hole wound clockwise, has the interior on its left
                    boolean interiorLeft = (r < 0) == counterClockwise;
                    values.add((r < 0 ? 0 : HOLE) | (interiorLeft ? INTERIOR_LEFT : 0));
                    for (int i = 0; i < sequence.size(); i++) {
                        values.add(sequence.getX(i));
                        values.add(sequence.getY(i));
                    }
                    rings++;
                }
            }
            values.set(ringsAt, rings);
        }
        offset[count] = values.size();
        data = values.toArray();
    }

    int size() {
        return offset.length - 1;
    }

    double minX(int p) {
        return data[offset[p]];
    }

    double minY(int p) {
        return data[offset[p] + 1];
    }

    double maxX(int p) {
        return data[offset[p] + 2];
    }

    double maxY(int p) {
        return data[offset[p] + 3];
    }

    /** Whether polygon {@code p}'s closure (interior or boundary) contains the point. */
    boolean covers(int p, double x, double y) {
        return coversAt(offset[p], x, y);
    }

    /** {@link #covers} for the polygon whose data begins at {@code at}. */
    boolean coversAt(int at, double x, double y) {
        double[] d = data;
        if (x < d[at] || y < d[at + 1] || x > d[at + 2] || y > d[at + 3]) {
            return false;
        }
        int rings = (int) d[at + 4];
        int position = at + HEADER;
        int r = 0;
        while (r < rings) {
            int n = (int) d[position];
            int shell = locateInRing(position + 2, n, x, y);
            position += 2 + 2 * n;
            r++;
            boolean inHole = false;
            while (r < rings && (((int) d[position + 1]) & HOLE) != 0) {
                int holeSize = (int) d[position];
                if (shell == INTERIOR && !inHole) {
                    int location = locateInRing(position + 2, holeSize, x, y);
                    if (location == BOUNDARY) {
                        return true;
                    }
                    inHole = location == INTERIOR;
                }
                position += 2 + 2 * holeSize;
                r++;
            }
            if (shell == BOUNDARY || (shell == INTERIOR && !inHole)) {
                return true;
            }
        }
        return false;
    }

    private int locateInRing(int from, int n, double x, double y) {
        double[] d = data;
        int to = from + 2 * n;
        int crossings = 0;
        for (int i = from + 2; i < to; i += 2) {
            double x1 = d[i - 2];
            double y1 = d[i - 1];
            double x2 = d[i];
            double y2 = d[i + 1];
            if (x1 < x && x2 < x) {
                continue;
            }
            if (x == x2 && y == y2) {
                return BOUNDARY;
            }
            if (y1 == y && y2 == y) {
                if (x >= Math.min(x1, x2) && x <= Math.max(x1, x2)) {
                    return BOUNDARY;
                }
                continue;
            }
            if ((y1 > y && y2 <= y) || (y2 > y && y1 <= y)) {
                int orientation = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, x, y);
                if (orientation == 0) {
                    return BOUNDARY;
                }
                if (y2 < y1) {
                    orientation = -orientation;
                }
                if (orientation > 0) {
                    crossings++;
                }
            }
        }
        return (crossings & 1) == 1 ? INTERIOR : EXTERIOR;
    }

    /**
     * Calls {@code segment} with every edge of polygon {@code p}, as stored, and whether the
     * polygon's interior lies to its left.
     */
    void forEachSegment(int p, SegmentConsumer segment) {
        double[] d = data;
        int rings = (int) d[offset[p] + 4];
        int position = offset[p] + HEADER;
        for (int r = 0; r < rings; r++) {
            int n = (int) d[position];
            boolean interiorLeft = (((int) d[position + 1]) & INTERIOR_LEFT) != 0;
            int from = position + 2;
            for (int i = 1; i < n; i++) {
                int k = from + 2 * i;
                segment.accept(d[k - 2], d[k - 1], d[k], d[k + 1], interiorLeft);
            }
            position = from + 2 * n;
        }
    }

    @FunctionalInterface
    interface SegmentConsumer {
        void accept(double x1, double y1, double x2, double y2, boolean interiorLeft);
    }

    private static double signedTwiceArea(CoordinateSequence ring) {
        double sum = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            sum += ring.getX(i) * ring.getY(i + 1) - ring.getX(i + 1) * ring.getY(i);
        }
        return sum;
    }

    long footprintBytes() {
        return 8L * data.length + 4L * offset.length;
    }
}

package org.megacity.citymodel.generation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Polygons in one canonical form: the shell counter-clockwise and holes clockwise (the right-hand
 * rule of RFC 7946), each ring starting at its lowest vertex (least x, then least y), holes in order
 * of their first vertex. Some JTS operations start rings wherever their hashing leads them; putting
 * their results in this form keeps the generator's output identical from run to run.
 */
final class Canonical {

    private Canonical() {
    }

    static Polygon polygon(Polygon polygon) {
        GeometryFactory factory = polygon.getFactory();
        LinearRing shell = ring(polygon.getExteriorRing().getCoordinates(), true, factory);
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            holes.add(ring(polygon.getInteriorRingN(i).getCoordinates(), false, factory));
        }
        holes.sort(Comparator.comparing(r -> r.getCoordinateN(0)));
        return factory.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    /** A polygon or multipolygon in canonical form (the parts in order of their first vertex). */
    static Geometry polygonal(Geometry geometry) {
        if (geometry instanceof Polygon polygon) {
            return polygon(polygon);
        }
        MultiPolygon multi = (MultiPolygon) geometry;
        Polygon[] parts = new Polygon[multi.getNumGeometries()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = polygon((Polygon) multi.getGeometryN(i));
        }
        Arrays.sort(parts, Comparator.comparing(p -> p.getExteriorRing().getCoordinateN(0)));
        return multi.getFactory().createMultiPolygon(parts);
    }

    private static LinearRing ring(Coordinate[] closed, boolean counterClockwise, GeometryFactory factory) {
        int n = closed.length - 1;
        Coordinate[] open = Arrays.copyOf(closed, n);
        if (Orientation.isCCW(closed) != counterClockwise) {
            for (int i = 0, j = n - 1; i < j; i++, j--) {
                Coordinate t = open[i];
                open[i] = open[j];
                open[j] = t;
            }
        }
        int start = 0;
        for (int i = 1; i < n; i++) {
            if (open[i].compareTo(open[start]) < 0) {
                start = i;
            }
        }
        Coordinate[] result = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            result[i] = open[(start + i) % n].copy();
        }
        result[n] = result[0].copy();
        return factory.createLinearRing(result);
    }
}

package org.megacity.geo;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The winding of RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. JTS does not
 * care about ring direction (and its {@code normalize()} does the opposite), so geometries built in
 * code are oriented with {@link #apply} before they are stored or written.
 */
public final class RightHandRule {

    private RightHandRule() {
    }

    /** Whether every exterior ring runs counter-clockwise and every hole clockwise. */
    public static boolean holds(Geometry polygonal) {
        for (int i = 0; i < polygonal.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) polygonal.getGeometryN(i);
            if (!Orientation.isCCW(polygon.getExteriorRing().getCoordinateSequence())) {
                return false;
            }
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                if (Orientation.isCCW(polygon.getInteriorRingN(h).getCoordinateSequence())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The same Polygon or MultiPolygon with its rings turned to follow the rule. */
    public static Geometry apply(Geometry polygonal) {
        if (polygonal instanceof Polygon polygon) {
            return orient(polygon);
        }
        if (polygonal instanceof MultiPolygon multi) {
            Polygon[] polygons = new Polygon[multi.getNumGeometries()];
            for (int i = 0; i < polygons.length; i++) {
                polygons[i] = orient((Polygon) multi.getGeometryN(i));
            }
            return multi.getFactory().createMultiPolygon(polygons);
        }
        throw new IllegalArgumentException("not polygonal: " + polygonal.getGeometryType());
    }

    private static Polygon orient(Polygon polygon) {
        GeometryFactory factory = polygon.getFactory();
        LinearRing shell = ring(polygon.getExteriorRing(), true);
        LinearRing[] holes = new LinearRing[polygon.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(polygon.getInteriorRingN(i), false);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(LinearRing ring, boolean counterClockwise) {
        boolean ccw = Orientation.isCCW(ring.getCoordinateSequence());
        return ccw == counterClockwise ? ring : ring.reverse();
    }
}

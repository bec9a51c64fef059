package org.megacity.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Polygonal JTS geometries as GeoJSON geometry objects, coordinates rounded to 1e-6 degrees for display. */
final class GeoJsonGeometry {

    private static final double SCALE = 1e6;

    private GeoJsonGeometry() {
    }

    static Map<String, Object> of(Geometry geometry) {
        if (geometry instanceof Polygon polygon) {
            return Map.of("type", "Polygon", "coordinates", rings(polygon));
        }
        if (geometry instanceof MultiPolygon multi) {
            List<Object> polygons = new ArrayList<>();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                polygons.add(rings((Polygon) multi.getGeometryN(i)));
            }
            return Map.of("type", "MultiPolygon", "coordinates", polygons);
        }
        throw new IllegalArgumentException("not polygonal: " + geometry.getGeometryType());
    }

    private static List<Object> rings(Polygon polygon) {
        List<Object> rings = new ArrayList<>();
        rings.add(ring(polygon.getExteriorRing()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(ring(polygon.getInteriorRingN(i)));
        }
        return rings;
    }

    private static List<double[]> ring(LinearRing ring) {
        Coordinate[] coordinates = ring.getCoordinates();
        List<double[]> result = new ArrayList<>(coordinates.length);
        for (Coordinate c : coordinates) {
            result.add(new double[] {Math.round(c.x * SCALE) / SCALE, Math.round(c.y * SCALE) / SCALE});
        }
        return result;
    }
}

package org.megacity.citymodel.internal;

import java.io.OutputStream;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams a GeoJSON (RFC 7946) FeatureCollection, feature by feature, so that a city of some 74,000
 * divisions is written without building it in memory. Coordinates are written in full precision
 * unless {@code decimals} asks for fewer (display layers).
 */
final class GeoJsonOutput implements AutoCloseable {

    private final JsonGenerator json;
    private final double rounding;

    /**
     * @param out      where to write (not closed by {@link #close()})
     * @param decimals decimal places of coordinates, or a negative number for full precision
     */
    GeoJsonOutput(OutputStream out, int decimals) {
        this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        this.rounding = decimals < 0 ? 0 : Math.pow(10, decimals);
        json.writeStartObject();
        json.writeStringProperty("type", "FeatureCollection");
        json.writeName("features");
        json.writeStartArray();
    }

    /** One feature; property values that are null are left out. */
    void feature(String id, Map<String, ?> properties, Geometry geometry) {
        json.writeStartObject();
        json.writeStringProperty("type", "Feature");
        json.writeStringProperty("id", id);
        json.writeName("properties");
        json.writeStartObject();
        for (Map.Entry<String, ?> p : properties.entrySet()) {
            Object value = p.getValue();
            if (value instanceof Number n) {
                json.writeName(p.getKey());
                json.writeNumber(n.longValue());
            } else if (value != null) {
                json.writeStringProperty(p.getKey(), value.toString());
            }
        }
        json.writeEndObject();
        json.writeName("geometry");
        geometry(geometry);
        json.writeEndObject();
    }

    private void geometry(Geometry g) {
        json.writeStartObject();
        json.writeStringProperty("type", g.getGeometryType());
        json.writeName("coordinates");
        switch (g) {
            case Point p -> position(p.getCoordinate());
            case LineString l -> sequence(l.getCoordinateSequence());
            case Polygon p -> polygon(p);
            case MultiLineString m -> {
                json.writeStartArray();
                for (int i = 0; i < m.getNumGeometries(); i++) {
                    sequence(((LineString) m.getGeometryN(i)).getCoordinateSequence());
                }
                json.writeEndArray();
            }
            case MultiPolygon m -> {
                json.writeStartArray();
                for (int i = 0; i < m.getNumGeometries(); i++) {
                    polygon((Polygon) m.getGeometryN(i));
                }
                json.writeEndArray();
            }
            default -> throw new IllegalArgumentException("cannot write a " + g.getGeometryType() + " as GeoJSON");
        }
        json.writeEndObject();
    }

    private void polygon(Polygon p) {
        json.writeStartArray();
        sequence(p.getExteriorRing().getCoordinateSequence());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            sequence(p.getInteriorRingN(i).getCoordinateSequence());
        }
        json.writeEndArray();
    }

    private void sequence(CoordinateSequence seq) {
        json.writeStartArray();
        for (int i = 0; i < seq.size(); i++) {
            json.writeStartArray();
            json.writeNumber(round(seq.getX(i)));
            json.writeNumber(round(seq.getY(i)));
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private void position(Coordinate c) {
        json.writeStartArray();
        json.writeNumber(round(c.x));
        json.writeNumber(round(c.y));
        json.writeEndArray();
    }

    private double round(double v) {
        return rounding == 0 ? v : Math.round(v * rounding) / rounding;
    }

    @Override
    public void close() {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }
}

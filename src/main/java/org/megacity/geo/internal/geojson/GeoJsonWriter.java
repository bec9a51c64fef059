package org.megacity.geo.internal.geojson;

import java.io.Closeable;
import java.io.OutputStream;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.megacity.geo.Division;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes divisions as an RFC 7946 FeatureCollection, one feature at a time, straight to a stream.
 *
 * <p>Each feature has {@code "id"} and the properties {@code code}, {@code name}, {@code nameEn}
 * and {@code level}; its geometry is a Polygon or MultiPolygon wound by the right-hand rule
 * (exterior rings counter-clockwise, holes clockwise) whatever the stored orientation. Coordinates
 * are rounded to {@value #DECIMALS} decimals (about a centimetre, RFC 7946 §11.2's advice) and
 * written without trailing zeros, so a file written by this class and read back by
 * {@link GeoJsonReader} is written again byte for byte.
 */
public final class GeoJsonWriter implements Closeable {

    public static final int DECIMALS = 7;
    private static final long SCALE = 10_000_000L;

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final JsonGenerator json;

    private GeoJsonWriter(OutputStream out) {
        this.json = JSON.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeStringProperty("type", "FeatureCollection");
        json.writeName("features");
        json.writeStartArray();
    }

    /** Starts a FeatureCollection on the stream; {@link #close()} ends it (and does not close the stream). */
    public static GeoJsonWriter open(OutputStream out) {
        return new GeoJsonWriter(out);
    }

    /** Writes a whole collection. */
    public static void write(OutputStream out, Iterable<Division> divisions) {
        try (GeoJsonWriter writer = open(out)) {
            divisions.forEach(writer::add);
        }
    }

    /** Writes one division as a feature of the collection. */
    public GeoJsonWriter add(Division division) {
        feature(json, division);
        return this;
    }

    /** Writes a single Feature (not in a collection), as {@code GET /divisions/{code}} returns it. */
    public static void writeFeature(OutputStream out, Division division) {
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            feature(generator, division);
        }
    }

    private static void feature(JsonGenerator json, Division division) {
        json.writeStartObject();
        json.writeStringProperty("type", "Feature");
        json.writeStringProperty("id", division.code().value());
        json.writeName("properties");
        json.writeStartObject();
        json.writeStringProperty("code", division.code().value());
        json.writeStringProperty("name", division.name());
        json.writeStringProperty("nameEn", division.nameEn());
        json.writeStringProperty("level", division.level().nameEn());
        division.code().parent().ifPresent(parent -> json.writeStringProperty("parent", parent.value()));
        json.writeEndObject();
        json.writeName("geometry");
        geometry(json, division.boundary());
        json.writeEndObject();
    }

    private static void geometry(JsonGenerator json, Geometry geometry) {
        json.writeStartObject();
        boolean multi = !(geometry instanceof Polygon);
        json.writeStringProperty("type", multi ? "MultiPolygon" : "Polygon");
        json.writeName("coordinates");
        if (multi) {
            json.writeStartArray();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                polygon(json, (Polygon) geometry.getGeometryN(i));
            }
            json.writeEndArray();
        } else {
            polygon(json, (Polygon) geometry);
        }
        json.writeEndObject();
    }

    private static void polygon(JsonGenerator json, Polygon polygon) {
        json.writeStartArray();
        ring(json, polygon.getExteriorRing(), true);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            ring(json, polygon.getInteriorRingN(i), false);
        }
        json.writeEndArray();
    }

    private static void ring(JsonGenerator json, LineString ring, boolean exterior) {
        CoordinateSequence sequence = ring.getCoordinateSequence();
        int n = sequence.size();
        double twiceArea = 0;
        for (int i = 0; i + 1 < n; i++) {
            twiceArea += sequence.getX(i) * sequence.getY(i + 1) - sequence.getX(i + 1) * sequence.getY(i);
        }
        boolean reverse = (twiceArea > 0) != exterior;
        json.writeStartArray();
        for (int i = 0; i < n; i++) {
            int k = reverse ? n - 1 - i : i;
            json.writeStartArray();
            json.writeNumber(decimal(sequence.getX(k)));
            json.writeNumber(decimal(sequence.getY(k)));
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    /** The value rounded to seven decimals, as the shortest decimal text: 106.5, 29.1234567, -0.0000001. */
    static String decimal(double value) {
        long scaled = Math.round(value * SCALE);
        StringBuilder text = new StringBuilder(20);
        if (scaled < 0) {
            text.append('-');
            scaled = -scaled;
        }
        long whole = scaled / SCALE;
        long fraction = scaled % SCALE;
        text.append(whole);
        if (fraction != 0) {
            String digits = Long.toString(fraction + SCALE).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(digits, 0, end);
        }
        return text.toString();
    }

    /** Ends the collection and flushes; the underlying stream stays open. */
    @Override
    public void close() {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}

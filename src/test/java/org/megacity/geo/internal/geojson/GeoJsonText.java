package org.megacity.geo.internal.geojson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds GeoJSON text for tests, so that each test shows the input it feeds. */
public final class GeoJsonText {

    private final List<String> features = new ArrayList<>();

    public static GeoJsonText collection() {
        return new GeoJsonText();
    }

    /** A feature with a Polygon of one ring, given as lon, lat pairs. */
    public GeoJsonText polygon(String code, double... ring) {
        return feature("{\"code\":\"" + code + "\",\"name\":\"名" + code + "\",\"nameEn\":\"N " + code + "\"}",
                "{\"type\":\"Polygon\",\"coordinates\":[" + ring(ring) + "]}");
    }

    /** A square with its south-west corner at (lon, lat), counter-clockwise. */
    public GeoJsonText square(String code, double lon, double lat, double side) {
        return polygon(code, lon, lat, lon + side, lat, lon + side, lat + side, lon, lat + side, lon, lat);
    }

    public GeoJsonText feature(String properties, String geometry) {
        features.add("{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}");
        return this;
    }

    public GeoJsonText raw(String feature) {
        features.add(feature);
        return this;
    }

    public static String ring(double... lonLat) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < lonLat.length; i += 2) {
            if (i > 0) {
                s.append(',');
            }
            s.append(String.format(Locale.ROOT, "[%s,%s]", number(lonLat[i]), number(lonLat[i + 1])));
        }
        return s.append(']').toString();
    }

    private static String number(double v) {
        return GeoJsonWriter.decimal(v);
    }

    @Override
    public String toString() {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    public byte[] bytes() {
        return toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}

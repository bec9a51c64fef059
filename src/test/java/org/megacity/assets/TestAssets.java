package org.megacity.assets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.megacity.testing.TinyCity;

/**
 * Test fixture: a small set of assets over {@link TinyCity}, as a GeoJSON FeatureCollection.
 *
 * <pre>
 * water (y = 29.5527, north communities):
 *   source 1 -s10- valve 2 -s11- junction 3 -s12- junction 4 -s13- valve 5 -s14- junction 6 -s15- customer 7
 *   junction 3 -s16- customer 8 (north)
 * gas (y = 29.55217): source 21 -s20- junction 22, 1.0 m deep
 * telecom (y = 29.5524, 3 m deep): 31 -s30- 32
 * </pre>
 * Customer 7 lies in the east street's north community, customer 8 in the west street's.
 */
public final class TestAssets {

    public static final double WATER_Y = 29.5527;
    public static final double GAS_Y = 29.55217;
    public static final String COMPONENT = "5001030101000001";
    public static final String EAST_NORTH_COMMUNITY = "500103002001";

    private TestAssets() {
    }

    public static String geoJson() {
        List<String> f = new ArrayList<>();
        String w = "water-supply";
        f.add(node(1, w, "source", null, 106.5705, WATER_Y));
        f.add(node(2, w, "valve", true, 106.5710, WATER_Y));
        f.add(node(3, w, "junction", null, 106.5715, WATER_Y));
        f.add(node(4, w, "junction", null, 106.5720, WATER_Y));
        f.add(node(5, w, "valve", true, 106.5725, WATER_Y));
        f.add(node(6, w, "junction", null, 106.5735, WATER_Y));
        f.add(node(7, w, "customer-connection", null, 106.5740, WATER_Y));
        f.add(node(8, w, "customer-connection", null, 106.5715, 29.5531));
        f.add(segment(10, w, 1, 2, 106.5705, WATER_Y, 106.5710, WATER_Y, 1.2, "water-supply"));
        f.add(segment(11, w, 2, 3, 106.5710, WATER_Y, 106.5715, WATER_Y, 1.2, "water-supply"));
        f.add(segment(12, w, 3, 4, 106.5715, WATER_Y, 106.5720, WATER_Y, 1.2, "water-supply"));
        f.add(segment(13, w, 4, 5, 106.5720, WATER_Y, 106.5725, WATER_Y, 1.2, "water-supply"));
        f.add(segment(14, w, 5, 6, 106.5725, WATER_Y, 106.5735, WATER_Y, 1.2, "water-supply"));
        f.add(segment(15, w, 6, 7, 106.5735, WATER_Y, 106.5740, WATER_Y, 1.2, "water-supply"));
        f.add(segment(16, w, 3, 8, 106.5715, WATER_Y, 106.5715, 29.5531, 1.2, "water-supply"));
        f.add(node(21, "gas", "source", null, 106.5705, GAS_Y));
        f.add(node(22, "gas", "junction", null, 106.5725, GAS_Y));
        f.add(segment(20, "gas", 21, 22, 106.5705, GAS_Y, 106.5725, GAS_Y, 1.0, "gas"));
        f.add(node(31, "telecom", "manhole", null, 106.5712, 29.5524));
        f.add(node(32, "telecom", "manhole", null, 106.5722, 29.5524));
        f.add(segment(30, "telecom", 31, 32, 106.5712, 29.5524, 106.5722, 29.5524, 3.0, "telecom"));
        f.add("""
                {"type":"Feature","id":40,"geometry":{"type":"Polygon","coordinates":[[[106.5702,29.5502],[106.5712,29.5502],\
                [106.5712,29.5510],[106.5702,29.5510],[106.5702,29.5502]]]},"properties":{"layer":"parks","name":"解放碑公园",\
                "level":"community","facilities":["toilet","playground"],"openingHours":"06:00-22:00"}}""");
        f.add(parcel(50, "R2", 2.5, TinyCity.WEST, TinyCity.WEST + 0.0031));
        f.add(parcel(51, "G1", 0.1, TinyCity.WEST + 0.0031, TinyCity.EAST));
        f.add("""
                {"type":"Feature","id":60,"geometry":{"type":"Polygon","coordinates":[[[106.5730,29.5510],[106.5740,29.5510],\
                [106.5740,29.5516],[106.5730,29.5516],[106.5730,29.5510]]]},"properties":{"layer":"renewal-projects",\
                "name":"朝天门老旧小区改造","phase":"construction","budgetWan":12000,"households":830}}""");
        f.add(component(COMPONENT, "intact", 106.5717, 29.5524));
        f.add(component("5001030301000002", "damaged", 106.5760, 29.5505));
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", f) + "\n]}";
    }

    /** A dig of 106.5716..106.5718 x 29.5522..29.55269: 1.1 m from the water line, 3.3 m from gas, over telecom. */
    public static String digPolygon() {
        return polygon(106.5716, 29.5522, 106.5718, 29.55269);
    }

    public static String polygon(double w, double s, double e, double n) {
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
                w, s, e, s, e, n, w, n, w, s);
    }

    static String node(long id, String utility, String kind, Boolean open, double lon, double lat) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"id\":%d,\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},"
                        + "\"properties\":{\"layer\":\"pipe-nodes\",\"utility\":\"%s\",\"kind\":\"%s\"%s}}", id, lon, lat,
                utility, kind, open == null ? "" : ",\"open\":" + open);
    }

    static String segment(long id, String utility, long from, long to, double x0, double y0, double x1, double y1,
            double depth, String operator) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"id\":%d,\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
                        + "[[%s,%s],[%s,%s]]},\"properties\":{\"layer\":\"pipe-segments\",\"utility\":\"%s\",\"from\":%d,"
                        + "\"to\":%d,\"material\":\"ductile-iron\",\"diameterMm\":300,\"installYear\":2008,"
                        + "\"pressureClass\":\"low\",\"depthM\":%s,\"operator\":\"%s\"}}", id, x0, y0, x1, y1, utility, from,
                to, depth, operator);
    }

    static String parcel(long id, String use, double ratio, double w, double e) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"id\":%d,\"geometry\":%s,\"properties\":{\"layer\":\"parcels\","
                + "\"landUse\":\"%s\",\"plotRatioLimit\":%s}}", id, polygon(w, TinyCity.SOUTH, e, TinyCity.NORTH), use, ratio);
    }

    static String component(String code, String status, double lon, double lat) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},"
                + "\"properties\":{\"layer\":\"components\",\"code\":\"%s\",\"status\":\"%s\"}}", lon, lat, code, status);
    }
}

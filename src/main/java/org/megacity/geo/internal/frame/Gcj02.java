package org.megacity.geo.internal.frame;

/**
 * GCJ-02, the obfuscated frame of commercial web maps in China: the widely published forward
 * transformation from WGS84 (Krasovsky ellipsoid constants and the trigonometric offset series as in
 * the open implementations such as eviltransform and coordtransform), and its inverse by fixed-point
 * iteration.
 *
 * <p>Outside China's rough bounding box (longitude 72.004–137.8347, latitude 0.8293–55.8271) there is
 * no offset, as in those implementations. The forward offset is a smooth function of 100–700 m; the
 * inverse iterates {@code w ← w − (forward(w) − g)} until the step is below 1e-10 degrees
 * (about 0.01 mm), which takes 3–5 rounds; the round trip error is below 1e-9 degrees.
 */
public final class Gcj02 {

    private static final double A = 6_378_245.0;
    private static final double EE = 0.006_693_421_622_965_943_23;
    private static final double INVERSE_TOLERANCE = 1e-10;
    private static final int MAX_ITERATIONS = 30;

    private Gcj02() {
    }

    /** Whether the point lies outside the area where GCJ-02 differs from WGS84. */
    public static boolean outsideChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS84 to GCJ-02: {lon, lat}. */
    public static double[] fromWgs84(double lon, double lat) {
        if (outsideChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double[] d = offset(lon, lat);
        return new double[] {lon + d[0], lat + d[1]};
    }

    /** GCJ-02 to WGS84 by iteration: {lon, lat}. */
    public static double[] toWgs84(double lon, double lat) {
        if (outsideChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] g = fromWgs84(wLon, wLat);
            double dLon = g[0] - lon;
            double dLat = g[1] - lat;
            wLon -= dLon;
            wLat -= dLat;
            if (Math.abs(dLon) < INVERSE_TOLERANCE && Math.abs(dLat) < INVERSE_TOLERANCE) {
                break;
            }
        }
        return new double[] {wLon, wLat};
    }

    private static double[] offset(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = latitudeSeries(x, y);
        double dLon = longitudeSeries(x, y);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }

    private static double latitudeSeries(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double longitudeSeries(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}

package org.megacity.telemetry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sensors of one type on a grid of cells about one radius wide (WGS84 longitude/latitude), to
 * find those within the radius of a point: the composite rules "within R metres". Immutable; built
 * from the registered sensors and rebuilt when sensors are registered.
 */
final class Neighbourhood {

    static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final double METRES_PER_DEGREE = Math.PI * EARTH_RADIUS_M / 180;

    private final double radius;
    private final double cellLat;
    private final Map<Long, int[]> cells = new HashMap<>();
    private final Map<Integer, double[]> where = new HashMap<>();

    /** {@code sensors}: those of one type. */
    Neighbourhood(List<Sensor> sensors, double radiusMetres) {
        this.radius = radiusMetres;
        this.cellLat = Math.max(radiusMetres / METRES_PER_DEGREE, 1e-6);
        Map<Long, List<Integer>> build = new HashMap<>();
        for (Sensor s : sensors) {
            build.computeIfAbsent(cell(row(s.lat()), column(s.lon(), s.lat())), c -> new ArrayList<>()).add(s.key());
            where.put(s.key(), new double[] {s.lon(), s.lat()});
        }
        build.forEach((c, keys) -> cells.put(c, keys.stream().mapToInt(Integer::intValue).toArray()));
    }

    private long row(double lat) {
        return (long) Math.floor(lat / cellLat);
    }

    /** Columns are as wide in degrees as rows are high: at the city's latitudes a cell is narrower than a radius. */
    private long column(double lon, double lat) {
        return (long) Math.floor(lon / cellLat);
    }

    private static long cell(long row, long column) {
        return (row << 32) ^ (column & 0xffffffffL);
    }

    /** The keys of the sensors within the radius of ({@code lon}, {@code lat}) except {@code self}, nearest first. */
    int[] near(double lon, double lat, int self) {
        long r0 = row(lat);
        // longitude degrees shrink with the cosine of the latitude: look as many columns further as needed
        double cos = Math.max(Math.cos(Math.toRadians(Math.min(89, Math.abs(lat) + cellLat))), 0.01);
        long span = (long) Math.ceil(1 / cos);
        long c0 = column(lon, lat);
        List<double[]> found = new ArrayList<>();
        for (long r = r0 - 1; r <= r0 + 1; r++) {
            for (long c = c0 - span; c <= c0 + span; c++) {
                int[] keys = cells.get(cell(r, c));
                if (keys == null) {
                    continue;
                }
                for (int k : keys) {
                    if (k == self) {
                        continue;
                    }
                    double[] p = where.get(k);
                    double d = metres(lon, lat, p[0], p[1]);
                    if (d <= radius) {
                        found.add(new double[] {d, k});
                    }
                }
            }
        }
        found.sort((a, b) -> Double.compare(a[0], b[0]));
        return found.stream().mapToInt(p -> (int) p[1]).toArray();
    }

    /** Great-circle distance in metres (haversine). */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}

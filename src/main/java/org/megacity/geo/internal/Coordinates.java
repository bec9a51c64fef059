package org.megacity.geo.internal;

import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;

/** Longitude/latitude checks and how the module writes a coordinate in a message. */
public final class Coordinates {

    private Coordinates() {
    }

    /** Whether both are finite and within [-180, 180] and [-90, 90]. */
    public static boolean inRange(double lon, double lat) {
        return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
    }

    /** {@code (106.5512345, 29.5612345)}: seven decimals, about a centimetre. */
    public static String format(double lon, double lat) {
        return String.format(Locale.ROOT, "(%.7f, %.7f)", lon, lat);
    }

    public static String format(Coordinate c) {
        return format(c.x, c.y);
    }
}

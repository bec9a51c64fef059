package org.megacity.geo;

import java.util.Locale;

/**
 * The coordinate frame a caller's longitude and latitude are in. The platform stores CGCS2000,
 * which agrees with WGS84 (device GPS) to well under a metre at city scale; GCJ-02 is the
 * obfuscated frame of commercial web maps in China and is accepted only when declared.
 */
public enum CoordinateFrame {
    /** CGCS2000 / WGS84: what the platform stores. */
    WGS84,
    /** GCJ-02 ("Mars coordinates"): converted to WGS84 on input (the inverse is iterative, to about 1e-7 degrees). */
    GCJ02;

    /** Parses {@code wgs84}, {@code cgcs2000} or {@code gcj02}; an absent value means WGS84. */
    public static CoordinateFrame parse(String text) {
        if (text == null || text.isBlank()) {
            return WGS84;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "wgs84", "cgcs2000", "epsg:4326", "epsg:4490" -> WGS84;
            case "gcj02", "gcj-02" -> GCJ02;
            default -> throw new IllegalArgumentException("unknown crs '" + text + "' (expected wgs84, cgcs2000 or gcj02)");
        };
    }
}

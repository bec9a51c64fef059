package org.megacity.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Metric measures of longitude/latitude geometries at city scale, on a local tangent plane with
 * the WGS84 ellipsoid's radii of curvature at a reference latitude. Within a city (tens of
 * kilometres) the error is far below what a cadastral survey would notice.
 */
public final class GeoMeasure {

    private static final double A = 6_378_137.0;
    private static final double E2 = 6.694_379_990_14e-3;

    private final double metresPerDegreeLon;
    private final double metresPerDegreeLat;

    private GeoMeasure(double referenceLatitude) {
        double phi = Math.toRadians(referenceLatitude);
        double sin = Math.sin(phi);
        double w = 1 - E2 * sin * sin;
        double meridional = A * (1 - E2) / (w * Math.sqrt(w));
        double primeVertical = A / Math.sqrt(w);
        this.metresPerDegreeLat = meridional * Math.PI / 180;
        this.metresPerDegreeLon = primeVertical * Math.cos(phi) * Math.PI / 180;
    }

    /** Measures around the given latitude (degrees). */
    public static GeoMeasure at(double latitude) {
        return new GeoMeasure(latitude);
    }

    /** Measures around the middle latitude of a geometry. */
    public static GeoMeasure around(Geometry geometry) {
        var envelope = geometry.getEnvelopeInternal();
        return new GeoMeasure((envelope.getMinY() + envelope.getMaxY()) / 2);
    }

    public double metresPerDegreeLon() {
        return metresPerDegreeLon;
    }

    public double metresPerDegreeLat() {
        return metresPerDegreeLat;
    }

    /** The area of a longitude/latitude geometry in square metres. */
    public double squareMetres(Geometry geometry) {
        return geometry.getArea() * metresPerDegreeLon * metresPerDegreeLat;
    }

    /** The area of a geometry whose own area is in square degrees. */
    public double squareMetres(double squareDegrees) {
        return squareDegrees * metresPerDegreeLon * metresPerDegreeLat;
    }

    /** The distance in metres between two longitude/latitude points. */
    public double metres(Coordinate a, Coordinate b) {
        double dx = (a.x - b.x) * metresPerDegreeLon;
        double dy = (a.y - b.y) * metresPerDegreeLat;
        return Math.hypot(dx, dy);
    }
}

package org.megacity.citymodel.generation;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.megacity.geo.GeoMeasure;

/**
 * The metric plane the generator works in: metres east and north of the city centre, converted to
 * longitude and latitude by one affine map (exact enough at city scale, and the same map for every
 * vertex, so shared vertices stay shared).
 */
public final class LocalPlane {

    /** The city centre: near Chongqing's Jiefangbei, where the Yangtze and the Jialing meet. */
    public static final double CENTRE_LON = 106.55;
    public static final double CENTRE_LAT = 29.56;

    private static final GeoMeasure MEASURE = GeoMeasure.at(CENTRE_LAT);

    private LocalPlane() {
    }

    /** A copy of a geometry in metres, in longitude/latitude degrees. */
    public static Geometry toDegrees(Geometry metres) {
        Geometry copy = metres.copy();
        double perLon = MEASURE.metresPerDegreeLon();
        double perLat = MEASURE.metresPerDegreeLat();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, CENTRE_LON + seq.getX(i) / perLon);
                seq.setOrdinate(i, 1, CENTRE_LAT + seq.getY(i) / perLat);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    /** Metres east of the centre of a longitude. */
    public static double x(double lon) {
        return (lon - CENTRE_LON) * MEASURE.metresPerDegreeLon();
    }

    /** Metres north of the centre of a latitude. */
    public static double y(double lat) {
        return (lat - CENTRE_LAT) * MEASURE.metresPerDegreeLat();
    }
}

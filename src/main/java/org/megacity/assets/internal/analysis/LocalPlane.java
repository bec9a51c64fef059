package org.megacity.assets.internal.analysis;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.megacity.geo.GeoMeasure;

/**
 * Metres east and north of a reference point: longitude/latitude scaled by the metres per degree
 * at the reference latitude. Within a few kilometres (an excavation site) the error is well under a
 * centimetre a metre.
 */
final class LocalPlane {

    private final double lon0;
    private final double lat0;
    private final double mx;
    private final double my;

    LocalPlane(Coordinate reference) {
        this.lon0 = reference.x;
        this.lat0 = reference.y;
        GeoMeasure m = GeoMeasure.at(reference.y);
        this.mx = m.metresPerDegreeLon();
        this.my = m.metresPerDegreeLat();
    }

    Geometry project(Geometry lonLat) {
        Geometry g = lonLat.copy();
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, (seq.getX(i) - lon0) * mx);
                seq.setOrdinate(i, 1, (seq.getY(i) - lat0) * my);
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
        return g;
    }

    /** A box around a box, wider by {@code metres} on every side, in degrees. */
    Envelope widen(Envelope box, double metres) {
        Envelope e = new Envelope(box);
        e.expandBy(metres / mx, metres / my);
        return e;
    }
}

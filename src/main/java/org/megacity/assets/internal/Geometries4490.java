package org.megacity.assets.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.megacity.assets.Geometries;

final class Geometries4490 {

    private Geometries4490() {
    }

    static Point point(Coordinate c) {
        return Geometries.FACTORY.createPoint(c);
    }
}

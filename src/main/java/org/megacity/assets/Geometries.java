package org.megacity.assets;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;

/** The geometry factory of the assets: packed double coordinates, SRID 4490 (CGCS2000). */
public final class Geometries {

    public static final GeometryFactory FACTORY = new GeometryFactory(
            new org.locationtech.jts.geom.PrecisionModel(), 4490, PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    private Geometries() {
    }
}

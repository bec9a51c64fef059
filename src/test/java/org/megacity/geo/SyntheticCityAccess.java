package org.megacity.geo;

import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Geometry;

/** Opens {@link SyntheticCity}'s splitting to tests in other packages. */
public final class SyntheticCityAccess {

    private SyntheticCityAccess() {
    }

    public static List<Geometry> split(Geometry region, int parts, Random random) {
        return SyntheticCity.split(region, parts, random);
    }
}

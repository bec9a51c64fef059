package org.megacity.geo.internal;

import org.megacity.geo.DivisionsGeoJson;

/** Test access: the geography's GeoJSON reader and writer without an application context (no {@code check}). */
public final class GeoJsonDivisionsAccess {

    private GeoJsonDivisionsAccess() {
    }

    public static DivisionsGeoJson standalone() {
        return new GeoJsonDivisions(null);
    }
}

package org.megacity.citymodel;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature of the city's landscape drawn on the map beneath the divisions, e.g. a river's water.
 *
 * @param id       a stable identifier, e.g. {@code river-yangtze}
 * @param kind     what it is
 * @param name     its Chinese name
 * @param nameEn   its English name
 * @param geometry in longitude/latitude degrees (CGCS2000)
 */
public record LandscapeFeature(String id, LandscapeKind kind, String name, String nameEn, Geometry geometry) {

    public LandscapeFeature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(geometry, "geometry");
        name = name == null ? "" : name;
        nameEn = nameEn == null ? "" : nameEn;
    }
}

package org.megacity.geo;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A district, street, community or unit grid with its boundary.
 *
 * @param code     its code, which also gives its level and parent
 * @param name     its Chinese name
 * @param nameEn   its English name
 * @param boundary a {@link Polygon} or {@link MultiPolygon} in longitude/latitude degrees
 *                 (CGCS2000, which matches WGS84 at city scale)
 */
public record Division(DivisionCode code, String name, String nameEn, Geometry boundary) {

    public Division {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(boundary, "boundary");
        if (!(boundary instanceof Polygon || boundary instanceof MultiPolygon)) {
            throw new IllegalArgumentException("the boundary of " + code + " must be a Polygon or MultiPolygon, not "
                    + boundary.getGeometryType());
        }
        name = name == null ? "" : name;
        nameEn = nameEn == null ? "" : nameEn;
    }

    public DivisionLevel level() {
        return code.level();
    }
}

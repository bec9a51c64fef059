package org.megacity.assets;

import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A land parcel.
 *
 * @param landUse        the land-use class code (GB 50137-2011: {@code R2}, {@code B1}, {@code G1}, …)
 * @param plotRatioLimit the largest floor-area ratio (容积率) the plan allows
 */
public record Parcel(long id, String landUse, double plotRatioLimit, Geometry area) implements Asset {

    public Parcel {
        Objects.requireNonNull(landUse, "landUse");
        Objects.requireNonNull(area, "area");
    }

    @Override
    public AssetType type() {
        return AssetType.PARCEL;
    }

    @Override
    public Geometry geometry() {
        return area;
    }

    @Override
    public Envelope envelope() {
        return area.getEnvelopeInternal();
    }
}

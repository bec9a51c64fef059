package org.megacity.assets;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A park.
 *
 * @param level        {@code city}, {@code district} or {@code community} (综合公园 / 社区公园 level)
 * @param openingHours e.g. {@code 06:00-22:00}, or {@code 24h}
 */
public record Park(long id, String name, String level, List<String> facilities, String openingHours, Geometry area)
        implements Asset {

    public Park {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(openingHours, "openingHours");
        Objects.requireNonNull(area, "area");
        facilities = List.copyOf(facilities);
    }

    @Override
    public AssetType type() {
        return AssetType.PARK;
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

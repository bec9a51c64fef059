package org.megacity.assets;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * The registry of the city's assets as other modules read it (telemetry binds sensors to assets).
 * Reads are served from in-memory spatial indexes loaded from the database on start (on their own
 * thread: until {@link #ready()}, reads see an empty registry) and kept current on every import.
 */
public interface AssetRegistry {

    /** Whether the indexes are loaded. */
    boolean ready();

    int count(AssetType type);

    Optional<Asset> find(AssetType type, long id);

    Optional<CityComponent> component(ComponentCode code);

    /** Assets of a type whose bounding boxes intersect the box, at most {@code limit}, in no set order. */
    List<Asset> within(AssetType type, Envelope box, int limit);

    /** How many assets of a type have bounding boxes intersecting the box. */
    int countWithin(AssetType type, Envelope box);

    /**
     * Assets of the given types within {@code radiusMetres} of the point (by their geometry),
     * nearest first, at most {@code limit}.
     */
    List<Nearby> nearby(double lon, double lat, double radiusMetres, Set<AssetType> types, int limit);

    /** An asset and its distance from the point asked about. */
    record Nearby(Asset asset, double metres) {
    }
}

package org.megacity.assets;

import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A node of a utility's pipe network.
 *
 * @param open for a valve, whether it is open (closed valves already cut the network); true for
 *             every other kind
 */
public record PipeNode(long id, Utility utility, NodeKind kind, boolean open, double lon, double lat) implements Asset {

    public PipeNode {
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(kind, "kind");
        if (kind != NodeKind.VALVE) {
            open = true;
        }
    }

    @Override
    public AssetType type() {
        return AssetType.PIPE_NODE;
    }

    @Override
    public Geometry geometry() {
        return Geometries.FACTORY.createPoint(new Coordinate(lon, lat));
    }

    @Override
    public Envelope envelope() {
        return new Envelope(lon, lon, lat, lat);
    }
}

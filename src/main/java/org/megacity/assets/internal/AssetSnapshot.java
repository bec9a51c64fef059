package org.megacity.assets.internal;

import org.megacity.assets.Asset;
import org.megacity.assets.AssetType;
import org.megacity.assets.CityComponent;
import org.megacity.assets.Park;
import org.megacity.assets.Parcel;
import org.megacity.assets.PipeNode;
import org.megacity.assets.PipeSegment;
import org.megacity.assets.RenewalProject;
import org.megacity.assets.internal.index.Layer;
import org.megacity.assets.internal.network.PipeNetwork;
import org.megacity.assets.internal.storage.AssetBatch;

/**
 * Every asset in memory at one moment: a {@link Layer} per type and the pipe network's graph.
 * Immutable; a write makes a new snapshot that replaces this one atomically, so a reader keeps a
 * consistent view for as long as it holds one.
 */
public record AssetSnapshot(Layer<PipeNode> nodes, Layer<PipeSegment> segments, Layer<Park> parks,
        Layer<Parcel> parcels, Layer<RenewalProject> renewals, Layer<CityComponent> components, PipeNetwork network) {

    public static AssetSnapshot empty() {
        return of(Layer.empty(), Layer.empty(), Layer.empty(), Layer.empty(), Layer.empty(), Layer.empty());
    }

    public static AssetSnapshot of(Layer<PipeNode> nodes, Layer<PipeSegment> segments, Layer<Park> parks,
            Layer<Parcel> parcels, Layer<RenewalProject> renewals, Layer<CityComponent> components) {
        return new AssetSnapshot(nodes, segments, parks, parcels, renewals, components,
                new PipeNetwork(nodes, segments));
    }

    /** This snapshot with the batch stored (same ids replace). */
    public AssetSnapshot with(AssetBatch batch) {
        return of(nodes.with(batch.nodes), segments.with(batch.segments), parks.with(batch.parks),
                parcels.with(batch.parcels), renewals.with(batch.renewals), components.with(batch.components));
    }

    public Layer<? extends Asset> layer(AssetType type) {
        return switch (type) {
            case PIPE_NODE -> nodes;
            case PIPE_SEGMENT -> segments;
            case PARK -> parks;
            case PARCEL -> parcels;
            case RENEWAL_PROJECT -> renewals;
            case COMPONENT -> components;
        };
    }

    public long size() {
        long n = 0;
        for (AssetType t : AssetType.values()) {
            n += layer(t).size();
        }
        return n;
    }
}

package org.megacity.assets.internal.storage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.megacity.assets.Asset;
import org.megacity.assets.AssetType;
import org.megacity.assets.CityComponent;
import org.megacity.assets.Park;
import org.megacity.assets.Parcel;
import org.megacity.assets.PipeNode;
import org.megacity.assets.PipeSegment;
import org.megacity.assets.RenewalProject;

/** Assets of every type, as an import or the demo generator collects them before they are stored. */
public final class AssetBatch {

    public final List<PipeNode> nodes = new ArrayList<>();
    public final List<PipeSegment> segments = new ArrayList<>();
    public final List<Park> parks = new ArrayList<>();
    public final List<Parcel> parcels = new ArrayList<>();
    public final List<RenewalProject> renewals = new ArrayList<>();
    public final List<CityComponent> components = new ArrayList<>();

    private final Map<AssetType, org.megacity.assets.internal.index.Layer.IntBuffer> sources = new EnumMap<>(AssetType.class);
    private String sourceFormat = "features[%d]";

    /** Adds an asset read from the feature (or line) numbered {@code source}, for naming problems. */
    public void add(Asset asset, int source) {
        sources.computeIfAbsent(asset.type(), t -> new org.megacity.assets.internal.index.Layer.IntBuffer(16))
                .add(source);
        add(asset);
    }

    /** How the sources of this batch are named: {@code features[%d]} (the default) or {@code line %d}. */
    public void sourceFormat(String format) {
        this.sourceFormat = format;
    }

    /** Where the i-th asset of a type came from: {@code features[12]}, or its id when not read from a file. */
    public String where(AssetType type, int i) {
        var s = sources.get(type);
        return s != null && i < s.size() ? String.format(sourceFormat, s.get(i))
                : type.id() + " " + of(type).get(i).id();
    }

    public void add(Asset asset) {
        switch (asset) {
            case PipeNode n -> nodes.add(n);
            case PipeSegment s -> segments.add(s);
            case Park p -> parks.add(p);
            case Parcel p -> parcels.add(p);
            case RenewalProject r -> renewals.add(r);
            case CityComponent c -> components.add(c);
        }
    }

    public List<? extends Asset> of(AssetType type) {
        return switch (type) {
            case PIPE_NODE -> nodes;
            case PIPE_SEGMENT -> segments;
            case PARK -> parks;
            case PARCEL -> parcels;
            case RENEWAL_PROJECT -> renewals;
            case COMPONENT -> components;
        };
    }

    public int size() {
        return nodes.size() + segments.size() + parks.size() + parcels.size() + renewals.size() + components.size();
    }

    public Map<AssetType, Integer> counts() {
        Map<AssetType, Integer> counts = new EnumMap<>(AssetType.class);
        for (AssetType t : AssetType.values()) {
            if (!of(t).isEmpty()) {
                counts.put(t, of(t).size());
            }
        }
        return counts;
    }
}

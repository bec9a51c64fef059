package org.megacity.assets;

import java.util.Optional;

/** The kinds of assets the registry holds; each is one OGC API collection. */
public enum AssetType {
    PIPE_NODE("pipe-nodes", "管网节点", "Pipe network nodes", true),
    PIPE_SEGMENT("pipe-segments", "管段", "Pipe segments", true),
    PARK("parks", "公园", "Parks", false),
    PARCEL("parcels", "地块", "Land parcels", false),
    RENEWAL_PROJECT("renewal-projects", "城市更新项目", "Urban-renewal projects", false),
    COMPONENT("components", "城市部件", "City components", false);

    private final String id;
    private final String title;
    private final String titleEn;
    private final boolean sensitive;

    AssetType(String id, String title, String titleEn, boolean sensitive) {
        this.id = id;
        this.title = title;
        this.titleEn = titleEn;
        this.sensitive = sensitive;
    }

    /** The collection id ({@code pipe-segments}). */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String titleEn() {
        return titleEn;
    }

    /**
     * Whether the data is sensitive infrastructure (the pipe networks): never served without an
     * account (docs/assets.md, "Access").
     */
    public boolean sensitive() {
        return sensitive;
    }

    public static Optional<AssetType> byId(String id) {
        for (AssetType t : values()) {
            if (t.id.equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}

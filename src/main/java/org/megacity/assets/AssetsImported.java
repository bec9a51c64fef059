package org.megacity.assets;

import java.util.Map;

/** Assets were stored by an import: how many of each type were created or replaced. */
public record AssetsImported(Map<AssetType, Integer> counts) {

    public AssetsImported {
        counts = Map.copyOf(counts);
    }
}

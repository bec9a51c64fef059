package org.megacity.assets.internal;

import java.util.List;
import org.megacity.assets.internal.geojson.AssetFeatures;
import org.megacity.assets.internal.storage.AssetBatch;

/** Test access to the import's whole-batch checks. */
public final class AssetImportsAccess {

    private AssetImportsAccess() {
    }

    public static List<AssetFeatures.Problem> check(AssetBatch batch) {
        return AssetImports.check(batch, AssetSnapshot.empty());
    }
}

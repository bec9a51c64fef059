package org.megacity.assets.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megacity.assets.AssetRegistry;
import org.megacity.assets.AssetType;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** {@code ./megacity demo --scale small}: the assets come after the start, in proportion to the city, once. */
@IntegrationTest
@TestPropertySource(properties = {"megacity.demo.enabled=true", "megacity.demo.scale=small"})
class DemoAssetsIT {

    @Autowired
    DemoAssets demo;
    @Autowired
    AssetRegistry registry;
    @Autowired
    Geography geography;

    @Test
    void theSmallCityGetsItsShareOfTheMegacitysAssetsAndARestartLeavesThem() throws Exception {
        demo.awaitGeneration();
        double share = geography.count(DivisionLevel.GRID) / (double) DemoAssetGenerator.MEGACITY_GRIDS;
        assertThat(registry.count(AssetType.PIPE_SEGMENT))
                .isBetween((int) (DemoAssetGenerator.MEGACITY_SEGMENTS * share * 0.6),
                        (int) (DemoAssetGenerator.MEGACITY_SEGMENTS * share * 1.3));
        assertThat(registry.count(AssetType.COMPONENT))
                .isEqualTo((int) Math.round(DemoAssetGenerator.MEGACITY_COMPONENTS * share));
        assertThat(registry.count(AssetType.PARCEL)).isEqualTo(geography.count(DivisionLevel.GRID));
        int segments = registry.count(AssetType.PIPE_SEGMENT);
        demo.generateIfEmpty();
        assertThat(registry.count(AssetType.PIPE_SEGMENT)).isEqualTo(segments);
    }
}

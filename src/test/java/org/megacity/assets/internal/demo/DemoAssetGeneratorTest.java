package org.megacity.assets.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.megacity.assets.NodeKind;
import org.megacity.assets.internal.AssetSnapshot;
import org.megacity.assets.internal.AssetImportsAccess;
import org.megacity.assets.internal.network.PipeNetwork;
import org.megacity.assets.internal.storage.AssetBatch;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionLevel;
import org.megacity.testing.TinyCity;

/** The demo's assets over TinyCity's 24 grids: deterministic, about the asked-for size, and a valid network. */
class DemoAssetGeneratorTest {

    static final List<Division> GRIDS = TinyCity.divisions().stream().filter(d -> d.level() == DivisionLevel.GRID).toList();

    @Test
    void theSameGridsAndSeedGiveTheSameAssets() {
        AssetBatch a = DemoAssetGenerator.generate(GRIDS, 7, 2_000, 1_000);
        AssetBatch b = DemoAssetGenerator.generate(GRIDS, 7, 2_000, 1_000);
        assertThat(b.segments).isEqualTo(a.segments);
        assertThat(b.components).isEqualTo(a.components);
        assertThat(DemoAssetGenerator.generate(GRIDS, 8, 2_000, 1_000).components).isNotEqualTo(a.components);
    }

    @Test
    void makesAboutTheAskedNumbersAndAValidNetwork() {
        AssetBatch batch = DemoAssetGenerator.generate(GRIDS, 20240607, 2_000, 1_000);
        assertThat(batch.segments.size()).isBetween(1_300, 2_600);
        assertThat(batch.components).hasSize(1_000);
        assertThat(batch.parcels).hasSize(24);
        assertThat(AssetImportsAccess.check(batch)).isEmpty();
        assertThat(batch.components).allSatisfy(c -> assertThat(c.code().district()).isEqualTo(TinyCity.DISTRICT));
        assertThat(batch.nodes).anySatisfy(n -> assertThat(n.kind()).isEqualTo(NodeKind.VALVE));
        assertThat(batch.nodes).anySatisfy(n -> assertThat(n.kind()).isEqualTo(NodeKind.CUSTOMER_CONNECTION));
        AssetSnapshot snapshot = AssetSnapshot.empty().with(batch);
        PipeNetwork network = snapshot.network();
        int withValves = 0;
        for (int s = 0; s < network.segments().size(); s += 17) {
            PipeNetwork.Isolation isolation = network.isolate(s);
            assertThat(isolation.cutOff()).contains(s);
            withValves += isolation.valves().length > 0 ? 1 : 0;
        }
        assertThat(withValves).isPositive();
    }
}

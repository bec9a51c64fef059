package org.megacity.assets.internal.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.megacity.assets.AssetType;
import org.megacity.assets.TestAssets;
import org.megacity.assets.internal.index.Layer;

/** Reading GeoJSON and CSV: the fixture reads cleanly, problems are named, and what is written reads back equal. */
class AssetFileReaderTest {

    static AssetFileReader.Parsed read(String text) throws Exception {
        return AssetFileReader.geoJson(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheFixture() throws Exception {
        AssetFileReader.Parsed parsed = read(TestAssets.geoJson());
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.batch().segments).hasSize(9);
        assertThat(parsed.batch().components).hasSize(2);
        assertThat(parsed.features()).isEqualTo(parsed.batch().size());
    }

    @Test
    void whatIsWrittenReadsBackEqual() throws Exception {
        AssetFileReader.Parsed parsed = read(TestAssets.geoJson());
        for (AssetType type : AssetType.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AssetWriter.geoJson(out, Layer.of(parsed.batch().of(type)));
            AssetFileReader.Parsed again = read(out.toString(StandardCharsets.UTF_8));
            assertThat(again.problems()).isEmpty();
            assertThat(new java.util.ArrayList<org.megacity.assets.Asset>(again.batch().of(type))).as(type.id())
                    .containsExactlyInAnyOrderElementsOf(new java.util.ArrayList<>(parsed.batch().of(type)));
        }
    }

    @Test
    void malformedJsonSaysWhere() throws Exception {
        AssetFileReader.Parsed parsed = read("{\"type\":\"FeatureCollection\",\n\"features\":[{]}");
        assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.where()).isEqualTo("line 2, column 14"));
    }
}

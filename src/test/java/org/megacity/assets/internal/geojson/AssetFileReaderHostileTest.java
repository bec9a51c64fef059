package org.megacity.assets.internal.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megacity.assets.TestAssets;
import org.megacity.testing.Hostile;

/**
 * The asset file reader over hostile input (see {@link Hostile}): GeoJSON and the components' CSV
 * always read to a batch and problems, each naming where; a file with a problem is not ok.
 */
class AssetFileReaderHostileTest {

    @Test
    void geoJsonFilesReadToABatchOrProblems() {
        Hostile.theory("asset GeoJSON reader", 10_000).forAll(Hostile.bodies(List.of(TestAssets.geoJson())))
                .checkAssert(body -> check(() -> AssetFileReader.geoJson(new ByteArrayInputStream(body))));
    }

    @Test
    void csvFilesReadToABatchOrProblems() {
        Hostile.theory("asset CSV reader", 10_000).forAll(Hostile.bodies(List.of(
                        "code,status,lon,lat\n5001030601000009,intact,106.571,29.551\n5001030301000002,damaged,106.576,29.5505\n",
                        "\uFEFFcode,status,lon,lat\r\n5001030601000010,missing,106.5712,29.5512\r\n")))
                .checkAssert(body -> check(() -> AssetFileReader.componentsCsv(new ByteArrayInputStream(body))));
    }

    /** Found by the fuzzing: bytes Jackson takes for UTF-32 but that are not (a 500 from the import). */
    @Test
    void bytesThatAreNotUtf32AreAProblemNotAnError() {
        byte[] body = {0, 0, 0, '{', (byte) 0xc2, (byte) 0xff, 0, 0, 0, 0, 0, '}'};
        check(() -> AssetFileReader.geoJson(new ByteArrayInputStream(body)));
        try {
            assertThat(AssetFileReader.geoJson(new ByteArrayInputStream(body)).problems()).isNotEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A name PostgreSQL cannot store (NUL) is a problem of its feature, not a database error. */
    @Test
    void aNameWithNulIsAProblemOfItsFeature() throws java.io.IOException {
        String document = TestAssets.geoJson().replace("解放碑公园", "解放碑\\u0000公园");
        AssetFileReader.Parsed parsed = AssetFileReader.geoJson(new ByteArrayInputStream(document.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problems()).anySatisfy(p -> assertThat(p.message()).contains("control character"));
    }

    interface Read {
        AssetFileReader.Parsed read() throws java.io.IOException;
    }

    private static void check(Read read) {
        AssetFileReader.Parsed parsed;
        try {
            parsed = read.read();
        } catch (Exception e) {
            throw new AssertionError("the reader threw " + e, e);
        }
        assertThat(parsed).isNotNull();
        parsed.problems().forEach(p -> assertThat(p.message()).isNotBlank());
        if (!parsed.problems().isEmpty()) {
            assertThat(parsed.ok()).isFalse();
        }
    }
}

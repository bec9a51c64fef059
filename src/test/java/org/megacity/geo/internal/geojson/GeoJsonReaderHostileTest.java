package org.megacity.geo.internal.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.megacity.testing.Hostile;

/**
 * The GeoJSON reader over structure-aware mutations of valid documents and raw hostile text (see
 * {@link Hostile}): always a result, never an exception; every feature it could not take is a problem.
 */
class GeoJsonReaderHostileTest {

    @Test
    void mutatedDocumentsAlwaysReadToFeaturesAndProblems() {
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            valid.add(GeoJsonPropertiesTest.validDocument(new Random(i), 1 + i));
        }
        Hostile.theory("GeoJSON reader", 10_000).forAll(Hostile.bodies(valid), org.quicktheories.generators.Generate.booleans())
                .checkAssert((body, lenient) -> {
                    GeoJsonReader.Result result;
                    try {
                        result = GeoJsonReader.read(new ByteArrayInputStream(body), lenient ? Winding.LENIENT : Winding.STRICT);
                    } catch (Exception e) {
                        throw new AssertionError("the reader threw " + e, e);
                    }
                    assertThat(result.malformed() ? result.problems() : List.of()).as("a malformed document says why")
                            .hasSizeGreaterThanOrEqualTo(result.malformed() ? 1 : 0);
                    result.problems().forEach(p -> assertThat(p.message()).isNotBlank());
                });
    }

    /** Found by the fuzzing (in the asset import, which reads the same way): bytes Jackson takes for UTF-32 but are not. */
    @Test
    void bytesThatAreNotUtf32AreMalformed() throws Exception {
        byte[] body = {0, 0, 0, '{', (byte) 0xc2, (byte) 0xff, 0, 0, 0, 0, 0, '}'};
        GeoJsonReader.Result result = GeoJsonReader.read(new ByteArrayInputStream(body), Winding.STRICT);
        assertThat(result.malformed()).isTrue();
        assertThat(result.problems()).isNotEmpty();
    }

    /** A name PostgreSQL cannot store (NUL) is a problem of its feature, not a database error. */
    @Test
    void aNameWithNulIsAProblemOfItsFeature() throws Exception {
        String document = GeoJsonPropertiesTest.validDocument(new Random(1), 1).replace("\"nameEn\":\"District 0\"",
                "\"nameEn\":\"District\\u0000 0\"");
        GeoJsonReader.Result result = GeoJsonReader.read(new ByteArrayInputStream(document.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), Winding.STRICT);
        assertThat(result.problems()).anySatisfy(p -> assertThat(p.message()).contains("control character"));
    }
}

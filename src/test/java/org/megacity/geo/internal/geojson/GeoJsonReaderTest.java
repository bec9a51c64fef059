package org.megacity.geo.internal.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.megacity.geo.ImportOutcome.Problem;

class GeoJsonReaderTest {

    static GeoJsonReader.Result read(String text, Winding winding) {
        try {
            return GeoJsonReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), winding);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static GeoJsonReader.Result read(GeoJsonText text) {
        return read(text.toString(), Winding.STRICT);
    }

    @Test
    void readsPolygonsWithCodesAndNames() {
        var result = read(GeoJsonText.collection().square("500103", 106.5, 29.5, 0.01));

        assertThat(result.problems()).isEmpty();
        assertThat(result.features()).singleElement().satisfies(f -> {
            assertThat(f.division().code().value()).isEqualTo("500103");
            assertThat(f.division().name()).isEqualTo("名500103");
            assertThat(f.division().nameEn()).isEqualTo("N 500103");
            assertThat(f.division().boundary()).isInstanceOf(Polygon.class);
            assertThat(f.division().boundary().getArea()).isCloseTo(1e-4, org.assertj.core.data.Offset.offset(1e-12));
        });
    }

    @Test
    void readsMultiPolygonsHolesAltitudesAndSkipsForeignMembers() {
        String text = """
                {"type":"FeatureCollection","bbox":[0,0,1,1],"crs":{"ignored":[1,2,{"deep":true}]},"features":[
                 {"id":7,"type":"Feature","bbox":[1,2,3,4],"properties":{"code":"500103001","level":"street","extra":{"a":[1]}},
                  "geometry":{"coordinates":[[[[106.0,29.0,250.5],[106.1,29.0,250],[106.1,29.1,0],[106.0,29.1,0],[106.0,29.0,250.5]],
                                               [[106.02,29.02],[106.02,29.08],[106.08,29.08],[106.08,29.02],[106.02,29.02]]],
                                              [[[107.0,29.0],[107.1,29.0],[107.1,29.1],[107.0,29.0]]]],
                              "type":"MultiPolygon"}}]}""";

        var result = read(text, Winding.STRICT);

        assertThat(result.problems()).isEmpty();
        var boundary = result.features().get(0).division().boundary();
        assertThat(boundary).isInstanceOf(MultiPolygon.class);
        assertThat(((Polygon) boundary.getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
    }

    @Test
    void namesAFeatureWithoutCodeByItsPosition() {
        var result = read(GeoJsonText.collection().square("500103", 106.5, 29.5, 0.01)
                .feature("{\"name\":\"无名\"}", "{\"type\":\"Polygon\",\"coordinates\":[" + GeoJsonText.ring(
                        106, 29, 106.1, 29, 106.1, 29.1, 106, 29) + "]}"));

        assertThat(result.problems()).containsExactly(new Problem("features[1]", "property \"code\" is missing"));
        assertThat(result.features()).hasSize(1);
    }

    @Test
    void refusesMalformedCodesAndLevelsThatDisagree() {
        var result = read(GeoJsonText.collection()
                .feature("{\"code\":\"50010A\"}", square())
                .feature("{\"code\":5001}", square())
                .feature("{\"code\":\"500103001\",\"level\":\"community\"}", square()));

        assertThat(result.problems()).extracting(Problem::feature)
                .containsExactly("features[0]", "features[1]", "500103001");
        assertThat(result.problems().get(0).message()).contains("only digits");
        assertThat(result.problems().get(1).message()).contains("must be a string");
        assertThat(result.problems().get(2).message()).contains("level \"community\" does not match");
    }

    @Test
    void refusesUnclosedRingsNamingTheEnds() {
        var result = read(GeoJsonText.collection().polygon("500103", 106, 29, 106.1, 29, 106.1, 29.1, 106, 29.1));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.feature()).isEqualTo("500103");
            assertThat(p.message()).contains("not closed").contains("(106.0000000, 29.0000000)")
                    .contains("(106.0000000, 29.1000000)");
        });
    }

    @Test
    void refusesClockwiseExteriorsUnlessLenient() {
        var text = GeoJsonText.collection().polygon("500103", 106, 29, 106, 29.1, 106.1, 29.1, 106.1, 29, 106, 29);

        var strict = read(text.toString(), Winding.STRICT);
        var lenient = read(text.toString(), Winding.LENIENT);

        assertThat(strict.problems()).singleElement().satisfies(p -> {
            assertThat(p.feature()).isEqualTo("500103");
            assertThat(p.message()).contains("exterior ring is wound clockwise").contains("right-hand rule");
        });
        assertThat(lenient.problems()).isEmpty();
        assertThat(lenient.features().get(0).division().boundary().getCoordinates()[1].x).isEqualTo(106.1);
    }

    @Test
    void refusesCoordinatesOutOfRange() {
        var result = read(GeoJsonText.collection().polygon("500103", 106, 29, 181, 29, 181, 29.1, 106, 29));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.feature()).isEqualTo("500103");
            assertThat(p.message()).contains("position 2 (181.0, 29.0) is out of range");
        });
    }

    @Test
    void refusesHugeNumbersAndOtherGeometries() {
        var result = read(GeoJsonText.collection()
                .feature("{\"code\":\"500103\"}", "{\"type\":\"Polygon\",\"coordinates\":[[[1e400,0],[1,0],[1,1],[1e400,0]]]}")
                .feature("{\"code\":\"500104\"}", "{\"type\":\"Point\",\"coordinates\":[106,29]}")
                .feature("{\"code\":\"500105\"}", "{\"type\":\"Polygon\",\"coordinates\":[[[106,29],[\"x\",29]]]}")
                .feature("{\"code\":\"500106\"}", "null"));

        assertThat(result.problems()).extracting(Problem::feature).containsExactly("500103", "500104", "500105", "500106");
        assertThat(result.problems().get(0).message()).contains("out of range");
        assertThat(result.problems().get(1).message()).contains("Polygon or MultiPolygon");
        assertThat(result.problems().get(2).message()).contains("hold a string where an array was expected");
        assertThat(result.problems().get(3).message()).contains("no geometry");
    }

    @Test
    void malformedJsonIsOneProblemThatSaysWhere() {
        var result = read("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",", Winding.STRICT);

        assertThat(result.malformed()).isTrue();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.feature()).isEqualTo("features[0]");
            assertThat(p.message()).startsWith("malformed JSON at line 1");
        });
    }

    @Test
    void aDocumentThatIsNotAFeatureCollectionIsRefused() {
        assertThat(read("[]", Winding.STRICT).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("FeatureCollection"));
        assertThat(read("{\"type\":\"Feature\",\"features\":[]}", Winding.STRICT).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("\"type\" must be \"FeatureCollection\""));
        assertThat(read("{\"type\":\"FeatureCollection\"}", Winding.STRICT).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("\"features\" is missing"));
    }

    @Test
    void deepNestingIsRefusedCleanly() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        var result = read("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":" + deep + "}]}",
                Winding.STRICT);

        assertThat(result.malformed()).isTrue();
        assertThat(result.problems().get(0).message()).contains("malformed JSON");
    }

    private static String square() {
        return "{\"type\":\"Polygon\",\"coordinates\":[" + GeoJsonText.ring(106, 29, 106.1, 29, 106.1, 29.1, 106, 29.1, 106, 29)
                + "]}";
    }
}

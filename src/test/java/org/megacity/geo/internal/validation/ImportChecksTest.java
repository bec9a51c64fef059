package org.megacity.geo.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.megacity.geo.Division;
import org.megacity.geo.ImportOutcome.Problem;
import org.megacity.geo.SyntheticCity;
import org.megacity.geo.internal.geojson.GeoJsonReader;
import org.megacity.geo.internal.geojson.GeoJsonText;
import org.megacity.geo.internal.geojson.GeoJsonWriter;
import org.megacity.geo.internal.geojson.Winding;
import org.megacity.geo.internal.index.Atlas;

class ImportChecksTest {

    static List<GeoJsonReader.Feature> read(byte[] geoJson) {
        try {
            GeoJsonReader.Result result = GeoJsonReader.read(new ByteArrayInputStream(geoJson), Winding.STRICT);
            assertThat(result.problems()).isEmpty();
            return result.features();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<GeoJsonReader.Feature> features(List<Division> divisions) {
        List<GeoJsonReader.Feature> features = new ArrayList<>();
        for (int i = 0; i < divisions.size(); i++) {
            features.add(new GeoJsonReader.Feature(i, divisions.get(i)));
        }
        return features;
    }

    @Test
    void aSyntheticCityWrittenAsGeoJsonPassesEveryCheck() {
        List<Division> city = SyntheticCity.generate(7, SyntheticCity.Plan.small());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeoJsonWriter.write(out, city);

        List<Problem> problems = ImportChecks.check(read(out.toByteArray()), Set.of(), Atlas.empty());

        assertThat(problems).isEmpty();
    }

    @Test
    void aSyntheticCityPassesEveryCheck() {
        List<Division> city = SyntheticCity.generate(7, SyntheticCity.Plan.small());

        assertThat(ImportChecks.check(features(city), Set.of(), Atlas.empty())).isEmpty();
    }

    @Test
    void aChildOutsideItsParentIsNamedWithTheOverhang() {
        var upload = read(GeoJsonText.collection()
                .square("510101", 104, 30, 0.01)
                .polygon("510101001", 104, 30, 104.012, 30, 104.012, 30.01, 104, 30.01, 104, 30).bytes());

        assertThat(ImportChecks.check(upload, Set.of(), Atlas.empty())).singleElement().satisfies(p -> {
            assertThat(p.feature()).isEqualTo("510101001");
            assertThat(p.message()).contains("beyond its parent 510101");
        });
    }

    @Test
    void aMissingParentIsNamed() {
        var upload = read(GeoJsonText.collection().square("510101001", 104, 30, 0.01).bytes());

        assertThat(ImportChecks.check(upload, Set.of(), Atlas.empty())).singleElement().satisfies(p -> {
            assertThat(p.feature()).isEqualTo("510101001");
            assertThat(p.message()).contains("its parent 510101 (a district) is neither in this import nor in the city");
        });
    }

    @Test
    void storedChildrenMustStillTileAReshapedParent() {
        Atlas stored = Atlas.of(features(SyntheticCity.generate(7, SyntheticCity.Plan.small())).stream()
                .map(GeoJsonReader.Feature::division).toList());
        Division street = stored.division("500101001").orElseThrow();
        Division shrunk = new Division(street.code(), street.name(), street.nameEn(),
                street.boundary().buffer(-0.0005));

        List<Problem> problems = ImportChecks.check(features(List.of(shrunk)), Set.of(), stored);

        assertThat(problems).isNotEmpty();
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("beyond its parent 500101001"));
    }

    @Test
    void tinySliversAreTolerated() {
        double sliver = 1e-7; // about a centimetre wide along a 1.1 km edge: 10 m², but a sliver
        var upload = read(GeoJsonText.collection()
                .square("510101", 104, 30, 0.01)
                .polygon("510101001", 104, 30, 104.005, 30, 104.005, 30.01, 104, 30.01, 104, 30)
                .polygon("510101002", 104.005 + sliver, 30, 104.01, 30, 104.01, 30.01, 104.005 + sliver, 30.01,
                        104.005 + sliver, 30).bytes());

        assertThat(ImportChecks.check(upload, Set.of(), Atlas.empty())).isEmpty();
    }

    @Test
    void aGapTenCentimetresWideIsNot() {
        double gap = 1e-6; // about 10 cm
        var upload = read(GeoJsonText.collection()
                .square("510101", 104, 30, 0.01)
                .polygon("510101001", 104, 30, 104.005, 30, 104.005, 30.01, 104, 30.01, 104, 30)
                .polygon("510101002", 104.005 + gap, 30, 104.01, 30, 104.01, 30.01, 104.005 + gap, 30.01,
                        104.005 + gap, 30).bytes());

        assertThat(ImportChecks.check(upload, Set.of(), Atlas.empty())).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("leave a gap of 107"));
    }
}

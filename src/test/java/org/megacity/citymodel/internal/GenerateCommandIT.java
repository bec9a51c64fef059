package org.megacity.citymodel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.organization.CentreLevel;
import org.megacity.organization.OperationCentres;
import org.megacity.platform.CliCommand;
import org.megacity.platform.CommandLine;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./megacity citymodel generate}: into an empty database, into a file, and refusing to
 * overwrite. Each test starts from a fresh, empty database.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class GenerateCommandIT {

    @Autowired
    GenerateCommand command;

    @Autowired
    Geography geography;

    @Autowired
    OperationCentres centres;

    /** The geography's own GeoJSON import, to prove the written file importable. */
    @Autowired
    org.megacity.geo.internal.GeographyService geographyService;

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    Run run(String... args) throws Exception {
        CommandLine line = CommandLine.parse(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(new CliCommand.Invocation(line.wordsAfter(2), line,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void generatesIntoTheEmptyDatabaseThenRefusesToReplaceTheCityWithoutForce() throws Exception {
        Run first = run("citymodel", "generate", "--scale", "small", "--seed", "3");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("unit grids", "100%", "loaded");
        assertThat(geography.count(DivisionLevel.DISTRICT)).isEqualTo(3);
        assertThat(centres.count(CentreLevel.STREET)).isEqualTo(18);
        String before = geography.division(DivisionCode.of("500101")).orElseThrow().boundary().toText();

        Run again = run("citymodel", "generate", "--scale", "small", "--seed", "4");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already holds a city", "--force");

        Run forcedOther = run("citymodel", "generate", "--scale", "small", "--seed", "4", "--force");
        assertThat(forcedOther.exitCode()).isEqualTo(1);
        assertThat(forcedOther.err()).contains("same division codes", "fresh --data");
        assertThat(geography.division(DivisionCode.of("500101")).orElseThrow().boundary().toText()).isEqualTo(before);

        Run forcedSame = run("citymodel", "generate", "--scale", "small", "--seed", "3", "--force");
        assertThat(forcedSame.exitCode()).isZero();
        assertThat(geography.division(DivisionCode.of("500101")).orElseThrow().boundary().toText()).isEqualTo(before);
    }

    @Test
    void writesTheCityToAGeoJsonFileWithoutTouchingTheDatabase() throws Exception {
        Path file = dir.resolve("city.geojson");
        assertThat(geography.count(DivisionLevel.DISTRICT)).isZero();

        Run written = run("citymodel", "generate", "--scale", "small", "--seed", "5", "--out", file.toString());

        assertThat(written.exitCode()).isZero();
        assertThat(geography.count(DivisionLevel.DISTRICT)).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(file.toFile());
        assertThat(json.get("type").asString()).isEqualTo("FeatureCollection");
        List<JsonNode> features = json.get("features").valueStream().toList();
        assertThat(features.stream().filter(f -> "district".equals(f.get("properties").path("level").asString())))
                .hasSize(3);
        assertThat(features.stream().filter(f -> "community".equals(f.get("properties").path("level").asString())))
                .hasSize(180);
        JsonNode landscape = JsonMapper.builder().build().readTree(dir.resolve("city.landscape.geojson").toFile());
        assertThat(landscape.get("features").valueStream()
                .filter(f -> "river".equals(f.get("properties").path("kind").asString()))).hasSize(2);
        JsonNode street = features.stream().filter(f -> "street".equals(f.get("properties").path("level").asString()))
                .findFirst().orElseThrow();
        assertThat(street.get("properties").get("parent").asString()).hasSize(6);
        assertThat(street.get("geometry").get("type").asString()).isEqualTo("Polygon");

        // the file is what the geography's GeoJSON import takes, right-hand winding and all
        try (var in = Files.newInputStream(file)) {
            var imported = geographyService.importGeoJson(in, org.megacity.geo.internal.geojson.Winding.STRICT);
            assertThat(imported.outcome()).isInstanceOf(org.megacity.geo.ImportOutcome.Imported.class);
        }
        assertThat(geography.count(DivisionLevel.COMMUNITY)).isEqualTo(180);

        Run refused = run("citymodel", "generate", "--scale", "small", "--out", file.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("exists", "--force");
        assertThat(Files.size(file)).isPositive();
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> run("citymodel", "generate", "--scale", "huge", "--out", dir.resolve("x").toString()))
                .hasMessageContaining("unknown scale 'huge'");
        assertThatThrownBy(() -> run("citymodel", "generate", "--seed", "many", "--out", dir.resolve("x").toString()))
                .hasMessageContaining("--seed must be a whole number");
    }
}

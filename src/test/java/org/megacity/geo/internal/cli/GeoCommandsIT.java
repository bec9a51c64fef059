package org.megacity.geo.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.megacity.geo.internal.GeographyService;
import org.megacity.geo.internal.geojson.GeoJsonText;
import org.megacity.platform.CliCommand;
import org.megacity.platform.CommandLine;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code geo import}, {@code geo export} and {@code geo grids} commands against a real database. */
@IntegrationTest
class GeoCommandsIT {

    @Autowired
    GeoImportCommand importCommand;

    @Autowired
    GeoExportCommand exportCommand;

    @Autowired
    GeoGridsCommand gridsCommand;

    @Autowired
    GeographyService geography;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(CliCommand command, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine line = CommandLine.parse(args);
        int code = command.run(new CliCommand.Invocation(line.words(), line, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    int stored(String code) {
        return jdbc.sql("select count(*) from geo_division where code = ?").param(code).query(Integer.class).single();
    }

    @Test
    void importsLaysGridsAndExports() throws Exception {
        Path city = dir.resolve("city.geojson");
        Files.write(city, GeoJsonText.collection()
                .square("520101", 106.6, 26.6, 0.004)
                .square("520101001", 106.6, 26.6, 0.004)
                .square("520101001001", 106.6, 26.6, 0.004).bytes());

        Run imported = run(importCommand, city.toString());
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("3 created, 0 replaced");
        assertThat(stored("520101001001")).isOne();

        Run grids = run(gridsCommand, "520101001001", "--cell-area", "40000");
        assertThat(grids.exitCode()).isZero();
        assertThat(grids.out()).contains("over 520101001001 (520101001001001 to");
        assertThat(stored("520101001001001")).isOne();
        assertThat(run(gridsCommand, "520101001001").exitCode()).isEqualTo(1);

        Path exported = dir.resolve("out.geojson");
        Run export = run(exportCommand, "--parent", "520101", "--level", "grid", exported.toString());
        assertThat(export.exitCode()).isZero();
        int grid = geography.divisions(DivisionLevel.GRID, DivisionCode.of("520101")).size();
        assertThat(export.out()).contains("exported " + grid + " divisions");
        assertThat(Files.readString(exported)).startsWith("{\"type\":\"FeatureCollection\"").contains("520101001001001");

        Run again = run(importCommand, exported.toString());
        assertThat(again.out()).contains("0 created, " + grid + " replaced");
    }

    @Test
    void aRejectedImportPrintsEveryProblemExitsWithTwoAndStoresNothing() throws Exception {
        Path bad = dir.resolve("bad.geojson");
        Files.write(bad, GeoJsonText.collection()
                .polygon("530101", 102.7, 25, 102.7, 25.01, 102.71, 25.01, 102.71, 25, 102.7, 25)
                .polygon("530102", 102.8, 25, 102.81, 25.01, 102.81, 25, 102.8, 25.01, 102.8, 25).bytes());

        Run strict = run(importCommand, bad.toString());

        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.err()).contains("nothing was stored").contains("530101: exterior ring is wound clockwise")
                .contains("530102: the boundary is not a valid polygon: self-intersection");
        assertThat(stored("530101")).isZero();
    }

    @Test
    void lenientWindingReorientsRings() throws Exception {
        Path clockwise = dir.resolve("cw.geojson");
        Files.write(clockwise, GeoJsonText.collection()
                .polygon("540101", 91, 29.6, 91, 29.61, 91.01, 29.61, 91.01, 29.6, 91, 29.6).bytes());

        Run lenient = run(importCommand, "--lenient-winding", clockwise.toString());

        assertThat(lenient.exitCode()).isZero();
        assertThat(stored("540101")).isOne();
        assertThat(geography.locate(91.005, 29.605, org.megacity.geo.CoordinateFrame.WGS84)).isEmpty();
        assertThat(List.of(geography.division(DivisionCode.of("540101")).orElseThrow().boundary().getCoordinates()))
                .element(1).satisfies(c -> assertThat(c.x).isEqualTo(91.01));
    }
}

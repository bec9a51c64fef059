package org.megacity.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.megacity.geo.CoordinateFrame;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.ImportOutcome;
import org.megacity.geo.SyntheticCity;
import org.megacity.geo.internal.geojson.GeoJsonWriter;
import org.megacity.geo.internal.geojson.Winding;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole megacity (41 districts, about 1,000 streets, 11,000 communities, 64,000 grids) through
 * the GeoJSON import as the CLI runs it: read, validated, written and indexed. Prints how long each
 * part took (the figures in docs/benchmarks.md); asserts only what was stored.
 */
@IntegrationTest
class MegacityImportIT {

    @Autowired
    GeographyService geography;

    @TempDir
    Path dir;

    @Test
    void importsAWholeMegacityFromGeoJson() throws Exception {
        List<Division> city = SyntheticCity.generate(2024, SyntheticCity.Plan.megacity());
        Path file = dir.resolve("megacity.geojson");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            GeoJsonWriter.write(out, city);
        }

        long start = System.nanoTime();
        GeographyService.GeoJsonImport result;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            result = geography.importGeoJson(in, Winding.STRICT);
        }
        long imported = System.nanoTime();
        geography.reload();
        long reloaded = System.nanoTime();

        System.out.printf("%nMEGACITY IMPORT (%s): %d divisions, %d grids, %.1f MB of GeoJSON: import %.1f s, reload %.1f s%n%n",
                System.getProperty("megacity.test.db", "h2"), city.size(), geography.count(DivisionLevel.GRID),
                Files.size(file) / 1e6, (imported - start) / 1e9, (reloaded - imported) / 1e9);
        assertThat(result.outcome()).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(((ImportOutcome.Imported) result.outcome()).created()).isEqualTo(city.size());
        assertThat(geography.count(DivisionLevel.GRID)).isGreaterThan(60_000);
        Division grid = city.get(city.size() / 2);
        Coordinate inside = grid.boundary().getInteriorPoint().getCoordinate();
        assertThat(geography.locate(inside.x, inside.y, CoordinateFrame.WGS84))
                .hasValueSatisfying(l -> assertThat(l.grid().code()).isEqualTo(grid.code().value()));
    }
}

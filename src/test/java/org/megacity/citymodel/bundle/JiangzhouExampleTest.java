package org.megacity.citymodel.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.megacity.identity.PermissionTable;
import org.junit.jupiter.api.io.TempDir;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.internal.GeoJsonDivisionsAccess;
import org.springframework.util.FileSystemUtils;

/** The example city in docs/examples is what {@link JiangzhouExample} writes, and reads back clean. */
class JiangzhouExampleTest {

    @TempDir
    Path dir;

    @Test
    void theShippedExampleIsWhatTheFixtureWritesAndReadsBackWithoutAProblem() throws Exception {
        if (Boolean.getBoolean("megacity.example.write")) {
            FileSystemUtils.deleteRecursively(JiangzhouExample.DIRECTORY);
            JiangzhouExample.write(JiangzhouExample.DIRECTORY);
        }
        Path fresh = dir.resolve("jiangzhou");
        JiangzhouExample.write(fresh);
        try (Stream<Path> files = Files.list(fresh)) {
            for (Path file : files.toList()) {
                assertThat(JiangzhouExample.DIRECTORY.resolve(file.getFileName())).as(file.getFileName().toString())
                        .hasSameBinaryContentAs(file);
            }
        }

        BundleReader.Reading reading = new BundleReader(GeoJsonDivisionsAccess.standalone()).read(JiangzhouExample.DIRECTORY);

        assertThat(reading.problems()).isEmpty();
        CityModel model = reading.model();
        assertThat(model.nameEn()).isEqualTo("Jiangzhou");
        assertThat(model.divisions().stream().filter(d -> d.level() == DivisionLevel.DISTRICT)).hasSize(2);
        assertThat(model.divisions().stream().filter(d -> d.level() == DivisionLevel.GRID)).hasSize(64);
        assertThat(model.catalogue().categories()).anySatisfy(c -> assertThat(c.code()).isEqualTo("E0607"));
        assertThat(model.catalogue()).isEqualTo(JiangzhouExample.catalogue());
        assertThat(model.calendar()).isEqualTo(JiangzhouExample.calendar());
        assertThat(model.alertRules()).isEqualTo(JiangzhouExample.rules());
        assertThat(model.organization()).isEqualTo(JiangzhouExample.organization());
        assertThat(model.permissions()).isEqualTo(PermissionTable.platform());
        assertThat(new BundleReader(GeoJsonDivisionsAccess.standalone())
                .readForImport(JiangzhouExample.DIRECTORY, PermissionTable.platform()).problems()).isEmpty();
    }
}

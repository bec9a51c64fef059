package org.megacity.citymodel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megacity.cases.CaseCatalogue;
import org.megacity.citymodel.bundle.BundleProblem;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.organization.Organization;
import org.megacity.platform.CliCommand;
import org.megacity.platform.CommandLine;
import org.megacity.telemetry.AlertRules;
import org.megacity.testing.IntegrationTest;
import org.megacity.worktime.CalendarDefinitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/**
 * {@code ./megacity model import} on bad bundles (another version, a missing file, a broken
 * reference, malformed JSON and GeoJSON, a file changed after export): each is refused with its
 * file, line and pointer, and nothing is imported. Then the shipped example city imports, and a
 * second import is refused because the instance is no longer empty.
 */
@IntegrationTest
// its own context, fresh and empty, closed afterwards: the test loads a city and changes the catalogue
@org.springframework.test.context.TestPropertySource(properties = "megacity.test.context=citymodel-import")
@org.springframework.test.annotation.DirtiesContext
class CityModelImportIT {

    static final Path EXAMPLE = Path.of("docs/examples/citymodel-jiangzhou");

    @Autowired
    ModelImportCommand command;

    @Autowired
    CityModels models;

    @Autowired
    Geography geography;

    @Autowired
    Organization organization;

    @Autowired
    CaseCatalogue catalogue;

    @Autowired
    CalendarDefinitions calendar;

    @Autowired
    AlertRules rules;

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    Run importing(Path bundle) throws Exception {
        CommandLine line = CommandLine.parse("model", "import", bundle.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(new CliCommand.Invocation(line.wordsAfter(2), line,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A copy of the example with one file changed (and, when {@code rehash}, the manifest's checksum made to match). */
    Path variant(String name, String file, UnaryOperator<String> change, boolean rehash) throws Exception {
        Path copy = dir.resolve(name);
        FileSystemUtils.copyRecursively(EXAMPLE, copy);
        Path target = copy.resolve(file);
        String before = Files.readString(target, StandardCharsets.UTF_8);
        Files.writeString(target, change.apply(before), StandardCharsets.UTF_8);
        if (rehash && !file.equals("manifest.json")) {
            Path manifest = copy.resolve("manifest.json");
            Files.writeString(manifest, Files.readString(manifest).replace(sha256(before), sha256(change.apply(before))));
        }
        return copy;
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The 1-based line of the first line containing the text. */
    static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    void nothingWasImported() {
        for (DivisionLevel level : DivisionLevel.values()) {
            assertThat(geography.count(level)).isZero();
        }
        assertThat(organization.chart().departments()).isEmpty();
        assertThat(organization.chart().centres()).isEmpty();
        assertThat(catalogue.current().categories()).noneSatisfy(c -> assertThat(c.code()).isEqualTo("E0607"));
        assertThat(calendar.years()).allSatisfy(y -> assertThat(y.holidays())
                .noneSatisfy(h -> assertThat(h.nameEn()).isEqualTo("Jiangzhou City Day")));
        assertThat(rules.typeRules()).noneSatisfy(r -> assertThat(r.name()).isEqualTo("Methane above 20 %LEL"));
    }

    List<BundleProblem> refused(Path bundle) throws Exception {
        CityModels.ImportResult result = models.importFrom(bundle);
        assertThat(result).isInstanceOf(CityModels.Refused.class);
        nothingWasImported();
        return ((CityModels.Refused) result).problems();
    }

    @Test
    void badBundlesAreRefusedNamingFileLineAndPointerAndNothingIsImportedThenTheExampleImportsOnce() throws Exception {
        nothingWasImported();

        // another version
        Path otherVersion = variant("v2", "manifest.json", s -> s.replace("\"version\": 2,", "\"version\": 1,"), false);
        Run v2 = importing(otherVersion);
        assertThat(v2.exitCode()).isEqualTo(2);
        assertThat(v2.err()).contains("manifest.json:" + lineOf(otherVersion.resolve("manifest.json"), "\"version\"")
                + " (/version): the bundle is format version 1; this platform reads version 2 only", "nothing was imported");
        nothingWasImported();

        // a missing file
        Path missing = dir.resolve("missing");
        FileSystemUtils.copyRecursively(EXAMPLE, missing);
        Files.delete(missing.resolve("calendar.json"));
        assertThat(refused(missing)).extracting(BundleProblem::toString).containsExactly("calendar.json: is missing from the bundle");

        // a category naming a department that does not exist, and an override naming a district that does not
        Path broken = variant("broken", "case-catalogue.json", s -> s
                .replaceFirst("\"department\": \"water-supply\"", "\"department\": \"water-works\"")
                .replace("\"district\": \"500202\"", "\"district\": \"500299\""), true);
        List<BundleProblem> brokenProblems = refused(broken);
        assertThat(brokenProblems).extracting(BundleProblem::toString).containsExactly(
                "case-catalogue.json:" + lineOf(broken.resolve("case-catalogue.json"), "water-works")
                        + " (/categories/0/department): department 'water-works' does not exist in organization.json",
                "case-catalogue.json:" + lineOf(broken.resolve("case-catalogue.json"), "500299")
                        + " (/routingOverrides/0/district): district 500299 is not in divisions.geojson");

        // malformed JSON
        Path malformed = variant("malformed", "alert-rules.json", s -> s.replace("\"severity\": 3,", "\"severity\": 3"), true);
        assertThat(refused(malformed)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("alert-rules.json");
            assertThat(p.line()).isEqualTo(lineOf(malformed.resolve("alert-rules.json"), "\"severity\": 3") + 1);
            assertThat(p.message()).startsWith("malformed JSON");
        });

        // a value of the wrong kind and a bad time limit, each at its place
        Path wrong = variant("wrong", "case-catalogue.json", s -> s.replaceFirst("\"handle\": \"1d\"", "\"handle\": \"1 day\"")
                .replaceFirst("\"code\": \"consultation\"", "\"code\": 7"), true);
        assertThat(refused(wrong)).extracting(BundleProblem::toString).satisfiesExactly(
                p -> assertThat(p).startsWith("case-catalogue.json:" + (lineOf(wrong.resolve("case-catalogue.json"), "1 day")
                        - 10) + " (/categories/").contains("handle '1 day' is not a time limit like 30m, 5h or 1d"),
                p -> assertThat(p).isEqualTo("case-catalogue.json:" + lineOf(wrong.resolve("case-catalogue.json"),
                        "\"code\": 7") + " (/hotlineTypes/0/code): must be a string, not the number 7"));

        // malformed GeoJSON: a ring that does not close
        Path geo = variant("geo", "divisions.geojson", s -> s.replaceFirst(
                "\\[105\\.92,29\\.35\\]\\]\\]", "[105.9201,29.35]]]"), true);
        assertThat(refused(geo)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("divisions.geojson");
            assertThat(p.pointer()).isEqualTo("feature 500201");
            assertThat(p.message()).contains("not closed");
        });

        // a file changed after export, the manifest not told
        Path changed = variant("changed", "roles.json", s -> s.replace("\"Citizen\"", "\"Resident\""), false);
        assertThat(refused(changed)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("manifest.json");
            assertThat(p.message()).contains("roles.json does not match its checksum");
        });

        // a street removed: the centre that governs it now points nowhere
        Path noStreet = variant("nostreet", "divisions.geojson", s -> {
            int from = s.indexOf("{\"type\":\"Feature\",\"id\":\"500201002\"");
            int to = s.indexOf(",{\"type\":\"Feature\"", from);
            return s.substring(0, from) + s.substring(to + 1);
        }, true);
        assertThat(refused(noStreet)).extracting(BundleProblem::toString).anySatisfy(p -> assertThat(p)
                .contains("organization.json:", "(/centres/", "division 500201002 is not in divisions.geojson"));

        // a permission row altered (checksum made to match): permissions are code, a bundle cannot change them
        Path permissions = variant("permissions", "permissions.csv", s -> s.replace(
                "GET,/api/v1/accounts,SYSTEM_ADMIN SECURITY_ADMIN,citywide,", "GET,/api/v1/accounts,ANY,citywide,"), true);
        Run perm = importing(permissions);
        assertThat(perm.exitCode()).isEqualTo(2);
        assertThat(perm.err()).contains("permissions.csv:" + lineOf(permissions.resolve("permissions.csv"),
                "GET,/api/v1/accounts,") + ": this platform lets SYSTEM_ADMIN SECURITY_ADMIN call GET /api/v1/accounts"
                + " (citywide); the bundle says any signed-in account (ANY) (citywide)", "nothing was imported");
        assertThat(refused(permissions)).hasSize(1);

        // the example as shipped
        Run imported = importing(EXAMPLE);
        assertThat(imported.err()).isEmpty();
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("imported", "78 divisions and grids", "11 departments", "7 centres");
        assertThat(geography.count(DivisionLevel.DISTRICT)).isEqualTo(2);
        assertThat(geography.count(DivisionLevel.GRID)).isEqualTo(64);
        assertThat(organization.chart().departments()).hasSize(11);
        assertThat(catalogue.current().categories()).anySatisfy(c -> assertThat(c.code()).isEqualTo("E0607"));
        assertThat(calendar.years()).anySatisfy(y -> assertThat(y.holidays())
                .anySatisfy(h -> assertThat(h.nameEn()).isEqualTo("Jiangzhou City Day")));
        assertThat(rules.typeRules()).anySatisfy(r -> assertThat(r.name()).isEqualTo("Methane above 20 %LEL"));

        // a second import finds the instance occupied
        Run again = importing(EXAMPLE);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already holds a city", "fresh --data directory", "nothing was imported");
    }
}

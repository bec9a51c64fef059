package org.megacity.citymodel.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megacity.cases.CatalogueDefinition;
import org.megacity.geo.internal.GeoJsonDivisionsAccess;
import org.megacity.identity.PermissionTable;
import org.megacity.worktime.CalendarYearDefinition;
import org.quicktheories.core.Gen;
import org.springframework.util.FileSystemUtils;

/** The bundle's reader: what is written reads back the same; whatever is broken is reported, never thrown. */
class BundleReaderTest {

    @TempDir
    Path dir;

    private final BundleReader reader = new BundleReader(GeoJsonDivisionsAccess.standalone());

    private static final String[] UNITS = {"m", "h", "d"};

    /** A time limit like 30m, 5h or 2d. */
    private static Gen<String> limits() {
        return integers().between(1, 999).zip(integers().between(0, 2), (n, u) -> n + UNITS[u]);
    }

    @Test
    void anyCatalogueLimitsAndHolidaysWrittenAreReadBackTheSame() throws Exception {
        CityModel example = JiangzhouExample.model();
        int[] run = {0};
        qt().withExamples(40).forAll(lists().of(limits()).ofSize(3), lists().of(integers().between(1, 360)).ofSizeBetween(0, 6),
                        integers().between(1, 5))
                .checkAssert((limits, holidayStarts, length) -> {
                    List<CatalogueDefinition.Category> categories = new ArrayList<>();
                    for (CatalogueDefinition.Category c : example.catalogue().categories()) {
                        categories.add(new CatalogueDefinition.Category(c.code(), c.kind(), c.major(), c.majorName(),
                                c.majorNameEn(), c.name(), c.nameEn(), c.department(), limits.get(0), limits.get(1),
                                limits.get(2)));
                    }
                    List<CalendarYearDefinition.Holiday> holidays = new ArrayList<>();
                    java.util.Set<Integer> taken = new java.util.HashSet<>();
                    for (int start : holidayStarts) {
                        if (taken.add(start)) {
                            LocalDate from = LocalDate.ofYearDay(2027, start);
                            holidays.add(new CalendarYearDefinition.Holiday("假日" + start, "Day " + start, from,
                                    from.plusDays(length - 1)));
                        }
                    }
                    List<CalendarYearDefinition> calendar = new ArrayList<>(example.calendar());
                    calendar.add(new CalendarYearDefinition(2027, "test", List.of("08:00-12:00", "13:00-17:00"), holidays,
                            List.of()));
                    CityModel model = new CityModel(example.name(), example.nameEn(), example.divisions(),
                            example.organization(), new CatalogueDefinition(categories, example.catalogue().hotlineTypes(),
                                    example.catalogue().routingOverrides()), example.zone(), calendar,
                            example.alertRules(), example.roles(), example.priorityAreas(),
                            example.permissions());
                    try {
                        Path bundle = dir.resolve("round-" + run[0]++);
                        new BundleWriter(GeoJsonDivisionsAccess.standalone()).write(model, bundle, JiangzhouExample.EXPORTED_AT);
                        BundleReader.Reading reading = reader.read(bundle);
                        assertThat(reading.problems()).isEmpty();
                        assertThat(reading.model().catalogue()).isEqualTo(model.catalogue());
                        assertThat(reading.model().calendar()).isEqualTo(model.calendar());
                        assertThat(reading.model().alertRules()).isEqualTo(model.alertRules());
                        FileSystemUtils.deleteRecursively(bundle);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    @Test
    void noChangedByteMakesTheReaderThrowAndEveryProblemNamesAFileOfTheBundle() throws Exception {
        List<String> files = new ArrayList<>(BundleFormat.FILES);
        files.add(BundleFormat.MANIFEST);
        int[] run = {0};
        qt().withExamples(60).forAll(integers().between(0, files.size() - 1), integers().between(0, 1_000_000),
                        integers().between(0, 255))
                .checkAssert((fileIndex, position, value) -> {
                    try {
                        Path bundle = dir.resolve("corrupt-" + run[0]++);
                        FileSystemUtils.copyRecursively(JiangzhouExample.DIRECTORY, bundle);
                        Path file = bundle.resolve(files.get(fileIndex));
                        byte[] bytes = Files.readAllBytes(file);
                        int at = position % bytes.length;
                        bytes[at] = (byte) (int) value;
                        // the other files are covered by the manifest's checksums; the manifest is not
                        // covered by one of its own, and a change to its whitespace or to free text such
                        // as the city's name may leave a valid manifest: then the bundle must still read
                        boolean changed = bytes[at] != before(file)[at]
                                && !file.getFileName().toString().equals(BundleFormat.MANIFEST);
                        Files.write(file, bytes);

                        BundleReader.Reading reading = reader.read(bundle);

                        if (changed) {
                            assertThat(reading.problems()).isNotEmpty();
                            assertThat(reading.model()).isNull();
                        } else if (reading.problems().isEmpty()) {
                            assertThat(reading.model()).isNotNull();
                        }
                        assertThat(reading.problems()).allSatisfy(p -> {
                            assertThat(files).contains(p.file());
                            assertThat(p.line()).isNotNegative();
                            assertThat(p.message()).isNotBlank();
                        });
                        FileSystemUtils.deleteRecursively(bundle);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    @Test
    void everyValueIsFoundAtItsLineByItsPointerAndAnyTextOfWholeCharactersSurvivesTheRoundTrip() {
        qt().withExamples(200).forAll(lists().of(strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 30)).ofSizeBetween(0, 20))
                .checkAssert(texts -> {
                    List<Object> items = new ArrayList<>();
                    for (String t : texts) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("v", t);
                        items.add(item);
                    }
                    Map<String, Object> root = new LinkedHashMap<>();
                    root.put("items", items);
                    String json = JsonText.write(root);

                    LocatedJson.Outcome outcome = LocatedJson.parse(json.getBytes(StandardCharsets.UTF_8));

                    assertThat(outcome).isInstanceOf(LocatedJson.Read.class);
                    LocatedJson.Read read = (LocatedJson.Read) outcome;
                    assertThat(read.root()).isEqualTo(root);
                    for (int i = 0; i < texts.size(); i++) {
                        assertThat(read.line("/items/" + i)).isEqualTo(3 + 3 * i);
                        assertThat(read.line("/items/" + i + "/v")).isEqualTo(4 + 3 * i);
                    }
                });
    }

    @Test
    void aDirectoryWithoutAManifestOrOfAnotherFormatIsNoBundle() throws Exception {
        assertThat(reader.read(dir).problems()).extracting(BundleProblem::toString)
                .containsExactly("manifest.json: is missing: " + dir + " is not a city model bundle");
        Files.writeString(dir.resolve("manifest.json"), "{\n  \"format\": \"shapefile\",\n  \"version\": 2\n}\n");
        assertThat(reader.read(dir).problems()).extracting(BundleProblem::toString)
                .containsExactly("manifest.json:2 (/format): format is 'shapefile', not 'megacity-city-model': not a city model bundle");
        Files.writeString(dir.resolve("manifest.json"), "{\n  \"format\": \"megacity-city-model\",\n  \"version\": \"1\"\n}\n");
        assertThat(reader.read(dir).problems()).extracting(BundleProblem::toString)
                .containsExactly("manifest.json:3 (/version): version must be a whole number (this platform reads bundle"
                        + " format version 2)");
    }

    @Test
    void aPermissionTableThatDiffersFromThePlatformsIsComparedButRefusedForImportRowByRow() throws Exception {
        Path bundle = dir.resolve("permissions");
        FileSystemUtils.copyRecursively(JiangzhouExample.DIRECTORY, bundle);
        Path file = bundle.resolve(BundleFormat.PERMISSIONS);
        String before = Files.readString(file, StandardCharsets.UTF_8);
        String after = before
                .replace("GET,/api/v1/accounts,SYSTEM_ADMIN SECURITY_ADMIN,citywide,",
                        "GET,/api/v1/accounts,SYSTEM_ADMIN CITIZEN,citywide,")
                .replace("DELETE,/api/v1/cases/open311/keys/{prefix},SYSTEM_ADMIN,citywide,Open311 api keys\n", "")
                + "POST,/api/v1/mayor/decrees,PUBLIC,public,not an operation of this platform\n";
        rewrite(bundle, file, after);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int accounts = lines.indexOf("GET,/api/v1/accounts,SYSTEM_ADMIN CITIZEN,citywide,三员分立: see docs/security.md section 3") + 1;
        int decrees = lines.size();
        assertThat(accounts).isPositive();

        // compared (model diff): only the shape counts, the table reads as written
        BundleReader.Reading compared = reader.read(bundle);
        assertThat(compared.problems()).isEmpty();
        assertThat(compared.model().permissions().byKey().get("GET /api/v1/accounts").callers())
                .isEqualTo("SYSTEM_ADMIN CITIZEN");

        // imported: every differing row is a problem at its line, and nothing is given to import
        BundleReader.Reading imported = reader.readForImport(bundle, PermissionTable.platform());
        assertThat(imported.model()).isNull();
        assertThat(imported.problems()).extracting(BundleProblem::toString).containsExactly(
                "permissions.csv: this platform lets SYSTEM_ADMIN call DELETE /api/v1/cases/open311/keys/{prefix}"
                        + " (citywide); the bundle does not list it. Permissions are code in this version: a bundle"
                        + " cannot change them",
                "permissions.csv:" + accounts + ": this platform lets SYSTEM_ADMIN SECURITY_ADMIN call GET /api/v1/accounts"
                        + " (citywide); the bundle says SYSTEM_ADMIN CITIZEN (citywide). Permissions are code in this"
                        + " version: a bundle cannot change them",
                "permissions.csv:" + decrees + ": this platform has no operation POST /api/v1/mayor/decrees; the bundle"
                        + " says anyone (PUBLIC) may call it. Permissions are code in this version: a bundle cannot"
                        + " change them");

        // the notes are commentary: a changed note imports
        rewrite(bundle, file, before.replace("Open311 api keys", "the Open311 keys"));
        assertThat(reader.readForImport(bundle, PermissionTable.platform()).problems()).isEmpty();
    }

    @Test
    void aPermissionTableOfTheWrongShapeIsReportedLineByLine() throws Exception {
        Path bundle = dir.resolve("shape");
        FileSystemUtils.copyRecursively(JiangzhouExample.DIRECTORY, bundle);
        Path file = bundle.resolve(BundleFormat.PERMISSIONS);
        String before = Files.readString(file, StandardCharsets.UTF_8);
        rewrite(bundle, file, before.replace("GET,/api/v1/accounts,SYSTEM_ADMIN SECURITY_ADMIN,citywide,",
                "GET,/api/v1/accounts,MAYOR,everywhere,") + "FETCH,/x\n");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int accounts = 1 + lines.indexOf(lines.stream().filter(l -> l.startsWith("GET,/api/v1/accounts,")).findFirst().orElseThrow());

        BundleReader.Reading reading = reader.read(bundle);

        assertThat(reading.model()).isNull();
        assertThat(reading.problems()).extracting(BundleProblem::toString).satisfiesExactly(
                p -> assertThat(p).startsWith("permissions.csv:" + accounts + ": 'MAYOR' is not a role this platform knows"),
                p -> assertThat(p).startsWith("permissions.csv:" + accounts + ": 'everywhere' is not a jurisdiction rule"),
                p -> assertThat(p).isEqualTo("permissions.csv:" + lines.size() + ": a row has the cells"
                        + " method,path,callers,jurisdiction,notes; this one has 2"));
    }

    /** Writes a bundle file anew and puts its checksum in the manifest. */
    private static void rewrite(Path bundle, Path file, String text) throws java.io.IOException {
        String oldSha = BundleWriter.sha256(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Path manifest = bundle.resolve(BundleFormat.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace(oldSha, BundleWriter.sha256(file)));
    }

    private static byte[] before(Path changedFile) throws java.io.IOException {
        return Files.readAllBytes(JiangzhouExample.DIRECTORY.resolve(changedFile.getFileName().toString()));
    }
}

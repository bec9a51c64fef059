package org.megacity.citymodel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;
import org.megacity.MegacityApplication;
import java.time.LocalDate;
import org.megacity.cases.CaseCatalogue;
import org.megacity.cases.CatalogueDefinition;
import org.megacity.cases.Channel;
import org.megacity.telemetry.AlertRules;
import org.megacity.telemetry.AlertRuleDefinition;
import org.megacity.worktime.CalendarDefinitions;
import org.megacity.worktime.CalendarYearDefinition;
import org.megacity.cases.internal.CaseReplay;
import org.megacity.citymodel.CityScale;
import org.megacity.citymodel.bundle.BundleFormat;
import org.megacity.citymodel.bundle.ModelDiff;
import org.megacity.citymodel.generation.CityGenerator;
import org.megacity.citymodel.generation.GenerationProgress;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.telemetry.internal.AlertReplay;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The proof that a city model is replicable: the small demo city is exported, imported into a
 * fresh instance (its own database and data directory), and the same cases and sensor readings
 * are replayed into both. Routing (department, branch, centre), deadlines (dispatch and handling,
 * on each instance's working calendar) and alerts come out the same; exporting the copy gives the
 * same files.
 */
@IntegrationTest
// its own context, fresh and empty, closed afterwards: the test loads a city and changes the catalogue
@org.springframework.test.context.TestPropertySource(properties = "megacity.test.context=citymodel-replay")
@org.springframework.test.annotation.DirtiesContext
class CityModelReplayIT {

    @Autowired
    CityLoading loading;

    @Autowired
    CityModels models;

    @Autowired
    Geography geography;

    @Autowired
    ApplicationContext original;

    @TempDir
    Path dir;

    /** A case to replay: where, what, and when it was reported, filed and dispatched. */
    record Scenario(Channel channel, String category, String hotlineType, double lon, double lat, Instant reported,
            Instant filed, Instant dispatched) {
    }

    @Test
    void aCityExportedAndImportedIntoAFreshInstanceRoutesTimesAndAlertsTheSameWay() throws Exception {
        loading.load(new CityGenerator().generate(CityScale.SMALL, 3, GenerationProgress.silent()));
        adaptTheCity();
        Path exported = dir.resolve("yuzhou");
        models.export(exported);

        try (ConfigurableApplicationContext copy = freshInstance()) {
            CityModels copyModels = copy.getBean(CityModels.class);
            assertThat(copyModels.notEmpty()).isNull();

            CityModels.ImportResult result = copyModels.importFrom(exported);

            assertThat(result).isInstanceOf(CityModels.Imported.class);
            assertThat(((CityModels.Imported) result).divisions()).isEqualTo(geographyCount());

            // the copy exports the same files (the manifest differs only in its time)
            Path again = dir.resolve("copy");
            copyModels.export(again);
            for (String file : BundleFormat.FILES) {
                assertThat(again.resolve(file)).as(file).hasSameBinaryContentAs(exported.resolve(file));
            }
            assertThat(manifestWithoutTime(again)).isEqualTo(manifestWithoutTime(exported));
            assertThat(ModelDiff.between(models.current(), copyModels.current()))
                    .allSatisfy(section -> assertThat(section.changes()).as(section.title()).isEmpty());

            // the same cases into both
            List<Scenario> scenarios = scenarios();
            List<CaseReplay.Outcome> here = new ArrayList<>();
            List<CaseReplay.Outcome> there = new ArrayList<>();
            for (Scenario s : scenarios) {
                here.add(replay(original, s));
                there.add(replay(copy, s));
            }
            assertThat(there).isEqualTo(here);
            assertThat(here).allSatisfy(o -> {
                assertThat(o.dispatchDue()).isNotNull();
                assertThat(o.handleDue()).isNotNull();
                assertThat(o.centre()).isNotBlank();
            });
            // the district override (Yuzhong's trees go to city appearance) travelled with the model
            assertThat(here).anySatisfy(o -> {
                assertThat(o.grid()).startsWith("500103");
                assertThat(o.department()).isEqualTo("city-appearance");
            });
            assertThat(here).anySatisfy(o -> assertThat(o.department()).isEqualTo("parks"));
            // and so did this city's own changes: an override, a local holiday, a faster limit
            assertThat(here).anySatisfy(o -> {
                assertThat(o.grid()).startsWith("500101");
                assertThat(o.department()).isEqualTo("emergency");
            });

            // the same readings into both
            double[] methane = {0, 4, 12, 12, 12, 30, 30, 30, 8, 6, 2, 2, 2, 2, 2, 2, 2, 2};
            double[] water = {0.05, 0.1, 0.35, 0.4, 0.4, 0.4, 0.4, 0.1, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02,
                    0.02, 0.02, 0.02, 0.02};
            double[] pressure = {0.4, 0.4, 0.39, 0.2, 0.05, 0.05, 0.05, 0.05, 0.3, 0.35, 0.35, 0.35, 0.35, 0.35, 0.35,
                    0.35, 0.35, 0.35, 0.35, 0.35, 0.35, 0.35, 0.35, 0.35};
            for (Object[] series : new Object[][] {{"methane", methane}, {"water-level", water}, {"pressure", pressure}}) {
                List<AlertReplay.Alert> a = AlertReplay.replay(original, (String) series[0], (double[]) series[1], 30_000);
                List<AlertReplay.Alert> b = AlertReplay.replay(copy, (String) series[0], (double[]) series[1], 30_000);
                assertThat(a).as((String) series[0]).isNotEmpty();
                assertThat(b).as((String) series[0]).isEqualTo(a);
            }
            assertThat(AlertReplay.replay(copy, "methane", methane, 30_000))
                    .anySatisfy(alert -> assertThat(alert.rule()).isEqualTo("Methane above 20 %LEL"));
        }
    }

    @Autowired
    CaseCatalogue catalogue;

    @Autowired
    CalendarDefinitions calendar;

    @Autowired
    AlertRules rules;

    /**
     * Makes the city differ from the platform's shipped defaults, so that the copy can behave the
     * same only if the import carried the catalogue, the calendar and the rules: gas leaks handled
     * within 1 working hour, social-management events (E06) in district 500101 sent to emergency
     * management, a local holiday on Friday 27 November 2026, methane alarms at 20 %LEL.
     */
    private void adaptTheCity() {
        CatalogueDefinition shipped = catalogue.current();
        List<CatalogueDefinition.Category> categories = shipped.categories().stream()
                .map(c -> c.code().equals("E0504") ? new CatalogueDefinition.Category(c.code(), c.kind(), c.major(),
                        c.majorName(), c.majorNameEn(), c.name(), c.nameEn(), c.department(), c.dispatch(), "1h",
                        c.verify()) : c)
                .toList();
        List<CatalogueDefinition.RoutingOverride> overrides = new ArrayList<>(shipped.routingOverrides());
        overrides.add(new CatalogueDefinition.RoutingOverride("500101", "E06", "emergency"));
        catalogue.load(new CatalogueDefinition(categories, shipped.hotlineTypes(), overrides));

        CalendarYearDefinition y = calendar.years().stream().filter(c -> c.year() == 2026).findFirst().orElseThrow();
        List<CalendarYearDefinition.Holiday> holidays = new ArrayList<>(y.holidays());
        holidays.add(new CalendarYearDefinition.Holiday("城市日", "City Day", LocalDate.of(2026, 11, 27),
                LocalDate.of(2026, 11, 27)));
        calendar.load(List.of(new CalendarYearDefinition(2026, y.source(), y.hours(), holidays, y.workdays())));

        rules.replaceTypeRules(rules.typeRules().stream()
                .map(r -> r.name().equals("Methane above 25 %LEL") ? new AlertRuleDefinition("Methane above 20 %LEL",
                        r.sensorType(), r.kind(), r.direction(), 20.0, r.hysteresis(), r.minDurationSeconds(),
                        r.holdSeconds(), r.dropPercent(), r.windowSeconds(), r.staleIntervals(), r.otherType(),
                        r.otherDirection(), r.otherLimit(), r.severity(), r.category(), r.enabled()) : r)
                .toList());
    }

    private int geographyCount() {
        int n = 0;
        for (DivisionLevel level : DivisionLevel.values()) {
            n += geography.count(level);
        }
        return n;
    }

    /** Cases in every district, before a holiday, on a weekend, late on a Friday, through 12345 and from sensors. */
    private List<Scenario> scenarios() {
        String[][] kinds = {{"SENSOR", "E0504", null}, {"INSPECTOR", "C0401", null}, {"HOTLINE", "E0601", "complaint"},
                {"INSPECTOR", "C0101", null}, {"HOTLINE", "E0605", "urgent-complaint"}, {"CITIZEN", "E0306", null}};
        Instant[] times = {Instant.parse("2026-09-30T07:40:00Z"), Instant.parse("2026-10-10T01:15:00Z"),
                Instant.parse("2026-11-27T08:50:00Z"), Instant.parse("2026-02-13T09:20:00Z"),
                Instant.parse("2026-11-18T02:00:00Z")};
        List<Scenario> out = new ArrayList<>();
        List<Division> grids = geography.divisions(DivisionLevel.GRID, null);
        int k = 0;
        for (Division district : geography.divisions(DivisionLevel.DISTRICT, null)) {
            List<Division> own = grids.stream().filter(g -> g.code().value().startsWith(district.code().value())).toList();
            for (int i = 0; i < kinds.length; i++) {
                Point p = own.get((i * 37) % own.size()).boundary().getInteriorPoint();
                Instant reported = times[k++ % times.length];
                out.add(new Scenario(Channel.valueOf(kinds[i][0]), kinds[i][1], kinds[i][2], p.getX(), p.getY(), reported,
                        reported.plusSeconds(20 * 60), reported.plusSeconds(3 * 3600)));
            }
        }
        return out;
    }

    private static CaseReplay.Outcome replay(ApplicationContext context, Scenario s) {
        return CaseReplay.replay(context, s.channel(), s.category(), s.hotlineType(), s.lon(), s.lat(), s.reported(),
                s.filed(), s.dispatched());
    }

    private static String manifestWithoutTime(Path bundle) throws Exception {
        return Files.readString(bundle.resolve(BundleFormat.MANIFEST), StandardCharsets.UTF_8)
                .replaceAll("\"exportedAt\": \"[^\"]+\"", "");
    }

    /** Another instance of the platform: its own fresh database and data directory, no web server. */
    static ConfigurableApplicationContext freshInstance() {
        return new SpringApplicationBuilder(MegacityApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(new TestDatabase())
                .properties("megacity.mode=cli", "spring.main.banner-mode=off")
                .run();
    }
}

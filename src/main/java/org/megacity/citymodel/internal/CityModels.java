package org.megacity.citymodel.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.megacity.cases.CaseCatalogue;
import org.megacity.cases.CatalogueDefinition;
import org.megacity.citymodel.bundle.BundleFormat;
import org.megacity.citymodel.bundle.BundleProblem;
import org.megacity.citymodel.bundle.BundleReader;
import org.megacity.citymodel.bundle.BundleWriter;
import org.megacity.citymodel.bundle.CityModel;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.DivisionsGeoJson;
import org.megacity.geo.Geography;
import org.megacity.geo.ImportOutcome;
import org.megacity.identity.PermissionTable;
import org.megacity.identity.Role;
import org.megacity.legislation.PriorityArea;
import org.megacity.organization.CentreLevel;
import org.megacity.organization.OperationCentre;
import org.megacity.organization.Organization;
import org.megacity.organization.OrganizationChart;
import org.megacity.telemetry.AlertRules;
import org.megacity.worktime.CalendarDefinitions;
import org.megacity.worktime.CalendarYearDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The city's whole configuration as a {@link CityModel}: read from the modules that own each part,
 * written to a bundle, and loaded from a bundle into an empty instance all or nothing.
 */
@Service
class CityModels {

    /** What an import did. */
    sealed interface ImportResult {
    }

    /** Everything was loaded. */
    record Imported(int divisions, int departments, int centres, int categories, int calendarYears, int alertRules)
            implements ImportResult {
    }

    /** The instance already holds a city; nothing was read into it. */
    record NotEmpty(String reason) implements ImportResult {
    }

    /** The bundle has problems; nothing was stored. */
    record Refused(List<BundleProblem> problems) implements ImportResult {
    }

    private static final String CENTRE_SUFFIX = "城市运行和治理中心";
    private static final String CENTRE_SUFFIX_EN = " City Operation and Governance Centre";

    private final Geography geography;
    private final DivisionsGeoJson geojson;
    private final Organization organization;
    private final CaseCatalogue catalogue;
    private final CalendarDefinitions calendar;
    private final AlertRules rules;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    CityModels(Geography geography, DivisionsGeoJson geojson, Organization organization, CaseCatalogue catalogue,
            CalendarDefinitions calendar, AlertRules rules, TransactionTemplate transactions) {
        this.geography = geography;
        this.geojson = geojson;
        this.organization = organization;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.rules = rules;
        this.transactions = transactions;
    }

    /** The city as it is configured now. */
    CityModel current() {
        List<Division> divisions = new ArrayList<>();
        for (DivisionLevel level : DivisionLevel.values()) {
            divisions.addAll(geography.divisions(level, null));
        }
        OrganizationChart chart = organization.chart();
        OperationCentre city = chart.centres().stream().filter(c -> c.level() == CentreLevel.CITY).findFirst().orElse(null);
        String name = city == null ? "" : strip(city.name(), CENTRE_SUFFIX);
        String nameEn = city == null ? "" : strip(city.nameEn(), CENTRE_SUFFIX_EN);
        return new CityModel(name, nameEn, divisions, chart, catalogue.current(), calendar.zone().getId(),
                calendar.years(), rules.typeRules(), Arrays.stream(Role.values()).map(Role::name).toList(),
                Arrays.stream(PriorityArea.values()).map(PriorityArea::id).toList(), PermissionTable.platform());
    }

    private static String strip(String text, String suffix) {
        return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    }

    /** Writes the current city into a new or empty directory. */
    List<Path> export(Path dir) throws IOException {
        return new BundleWriter(geojson).write(current(), dir, clock.instant());
    }

    /** How many per-asset rule overrides an export leaves out. */
    int assetRuleOverrides() {
        return rules.assetOverrides();
    }

    /** Reads a bundle, with every problem. */
    BundleReader.Reading read(Path dir) throws IOException {
        return new BundleReader(geojson).read(dir);
    }

    /** Why this instance is not empty, or null when it is. */
    String notEmpty() {
        int divisions = 0;
        for (DivisionLevel level : DivisionLevel.values()) {
            divisions += geography.count(level);
        }
        OrganizationChart chart = organization.chart();
        if (divisions > 0 || !chart.departments().isEmpty() || !chart.centres().isEmpty()) {
            return String.format("this instance already holds a city (%,d divisions and grids, %d departments, %,d centres);"
                    + " a city model is imported only into an empty instance: use a fresh --data directory"
                    + " (and a fresh database)", divisions, chart.departments().size(), chart.centres().size());
        }
        return null;
    }

    /**
     * Imports a bundle into this empty instance: reads and checks everything first (every file, the
     * references between them, the divisions as the geography would check them, the time zone, and
     * that the bundle's permission table grants what this platform's does: permissions are code), and
     * only when nothing is wrong stores it in one transaction: divisions, organization, alert rules,
     * then the case catalogue's and calendar's files. A failure anywhere rolls the database back and
     * puts the previous catalogue and calendar back.
     */
    ImportResult importFrom(Path dir) throws IOException {
        String occupied = notEmpty();
        if (occupied != null) {
            return new NotEmpty(occupied);
        }
        BundleReader.Reading reading = new BundleReader(geojson).readForImport(dir, PermissionTable.platform());
        if (!reading.clean()) {
            return new Refused(reading.problems());
        }
        CityModel model = reading.model();
        List<BundleProblem> problems = new ArrayList<>();
        for (ImportOutcome.Problem p : geojson.check(model.divisions())) {
            problems.add(new BundleProblem(BundleFormat.DIVISIONS, 0, "feature " + p.feature(), p.message()));
        }
        if (!model.zone().equals(calendar.zone().getId())) {
            problems.add(new BundleProblem(BundleFormat.CALENDAR, 2, "/zone", "the bundle's working hours are in "
                    + model.zone() + " but this instance reads them in " + calendar.zone().getId()
                    + " (set megacity.worktime.zone)"));
        }
        if (!problems.isEmpty()) {
            return new Refused(problems);
        }
        CatalogueDefinition previousCatalogue = catalogue.current();
        List<Integer> years = model.calendar().stream().map(CalendarYearDefinition::year).toList();
        List<CalendarYearDefinition> previousYears = calendar.years().stream().filter(y -> years.contains(y.year())).toList();
        return transactions.execute(status -> {
            ImportOutcome outcome = geography.importDivisions(model.divisions());
            if (outcome instanceof ImportOutcome.Rejected rejected) {
                throw new DivisionsRejected(rejected.problems());
            }
            organization.replaceWith(model.organization());
            rules.replaceTypeRules(model.alertRules());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int completion) {
                    if (completion != STATUS_COMMITTED) {
                        catalogue.load(previousCatalogue);
                        calendar.load(previousYears);
                    }
                }
            });
            catalogue.load(model.catalogue());
            calendar.load(model.calendar());
            return new Imported(model.divisions().size(), model.organization().departments().size(),
                    model.organization().centres().size(), model.catalogue().categories().size(),
                    model.calendar().size(), model.alertRules().size());
        });
    }

    /** The geography refused the divisions at the last moment (the checks before found nothing). */
    static final class DivisionsRejected extends RuntimeException {
        private final List<ImportOutcome.Problem> problems;

        DivisionsRejected(List<ImportOutcome.Problem> problems) {
            super("the geography refused the divisions: " + problems.size() + " problem(s)");
            this.problems = List.copyOf(problems);
        }

        List<ImportOutcome.Problem> problems() {
            return problems;
        }
    }
}

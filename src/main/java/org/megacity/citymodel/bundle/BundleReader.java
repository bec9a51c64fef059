package org.megacity.citymodel.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.megacity.cases.CatalogueDefinition;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.DivisionsGeoJson;
import org.megacity.geo.ImportOutcome;
import org.megacity.identity.PermissionTable;
import org.megacity.identity.Role;
import org.megacity.legislation.PriorityArea;
import org.megacity.organization.CentreLevel;
import org.megacity.organization.Department;
import org.megacity.organization.DepartmentBranch;
import org.megacity.organization.DepartmentCode;
import org.megacity.organization.DepartmentKind;
import org.megacity.organization.OperationCentre;
import org.megacity.organization.OrganizationChart;
import org.megacity.telemetry.AlertRuleDefinition;
import org.megacity.worktime.CalendarYearDefinition;

/**
 * Reads a bundle directory into a {@link CityModel}, collecting every problem with its file, line
 * and JSON pointer rather than stopping at the first. Nothing here throws for bad content; only
 * failures to read the disk propagate. The model is given only when there is no problem at all.
 *
 * <p>Checked: the manifest (format, version, that every listed file exists with its checksum and
 * every required file is listed), each file's syntax and the shape and values of every entry, and
 * the references between files (a category's or override's department, an override's or branch's
 * district, a centre's division, a rule's case category, roles and priority areas this platform
 * knows). The permission table's rows are checked for shape; {@link #readForImport} also holds them
 * against the table this platform enforces.
 */
public final class BundleReader {

    /** What was read: the model when clean, and every problem. */
    public record Reading(CityModel model, List<BundleProblem> problems) {

        public Reading {
            problems = List.copyOf(problems);
        }

        public boolean clean() {
            return problems.isEmpty();
        }
    }

    private final DivisionsGeoJson geojson;

    public BundleReader(DivisionsGeoJson geojson) {
        this.geojson = geojson;
    }

    /** Reads a bundle for comparing it: its permission table is checked for shape only. */
    public Reading read(Path dir) throws IOException {
        return read(dir, null);
    }

    /**
     * Reads a bundle for importing it into this platform, whose permissions are code: besides its
     * shape, every row of the bundle's permission table must grant what {@code enforced} grants
     * (the same callers under the same jurisdiction rule; notes are commentary), and the two must
     * list the same operations. Each row that differs is a problem with its line.
     */
    public Reading readForImport(Path dir, PermissionTable enforced) throws IOException {
        return read(dir, java.util.Objects.requireNonNull(enforced));
    }

    private Reading read(Path dir, PermissionTable enforced) throws IOException {
        List<BundleProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new BundleProblem(dir.toString(), 0, "", "is not a directory; a bundle is a directory"
                    + " with " + BundleFormat.MANIFEST));
            return new Reading(null, problems);
        }
        Path manifestFile = dir.resolve(BundleFormat.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            problems.add(new BundleProblem(BundleFormat.MANIFEST, 0, "", "is missing: " + dir
                    + " is not a city model bundle"));
            return new Reading(null, problems);
        }
        Doc manifest = Doc.parse(BundleFormat.MANIFEST, Files.readAllBytes(manifestFile), problems);
        if (manifest == null) {
            return new Reading(null, problems);
        }
        Header header = header(manifest, dir);
        if (!header.readable()) {
            return new Reading(null, problems);
        }
        Set<String> present = new HashSet<>();
        for (String file : BundleFormat.FILES) {
            if (Files.isRegularFile(dir.resolve(file))) {
                present.add(file);
            } else {
                problems.add(new BundleProblem(file, 0, "", "is missing from the bundle"));
            }
        }

        Set<String> unreadable = new HashSet<>();
        List<Division> divisions = present.contains(BundleFormat.DIVISIONS)
                ? divisions(Files.readAllBytes(dir.resolve(BundleFormat.DIVISIONS)), problems, unreadable) : List.of();
        Organization organization = doc(dir, BundleFormat.ORGANIZATION, present, problems, this::organization,
                new Organization(new OrganizationChart(List.of(), List.of()), List.of(), List.of(), List.of()));
        Catalogue catalogue = doc(dir, BundleFormat.CATALOGUE, present, problems, BundleReader::catalogue,
                new Catalogue(new CatalogueDefinition(List.of(), List.of(), List.of()), List.of(), List.of()));
        Calendar calendar = doc(dir, BundleFormat.CALENDAR, present, problems, BundleReader::calendar,
                new Calendar("Asia/Shanghai", List.of()));
        Rules rules = doc(dir, BundleFormat.ALERT_RULES, present, problems, BundleReader::rules,
                new Rules(List.of(), List.of()));
        List<String> roles = doc(dir, BundleFormat.ROLES, present, problems, d -> codes(d, "roles", "code",
                code -> known(Role.class, code), "a role this platform knows"), List.of());
        List<String> areas = doc(dir, BundleFormat.PRIORITY_AREAS, present, problems, d -> codes(d, "areas", "id",
                id -> java.util.Arrays.stream(PriorityArea.values()).anyMatch(a -> a.id().equals(id)),
                "a legislative priority area this platform knows"), List.of());
        PermissionTable permissions = present.contains(BundleFormat.PERMISSIONS)
                ? permissions(new String(Files.readAllBytes(dir.resolve(BundleFormat.PERMISSIONS)), StandardCharsets.UTF_8), enforced,
                        problems)
                : new PermissionTable(List.of());

        crossReferences(divisions, unreadable, present.contains(BundleFormat.DIVISIONS), organization, catalogue, rules, problems);
        if (!problems.isEmpty()) {
            return new Reading(null, problems);
        }
        return new Reading(new CityModel(header.name(), header.nameEn(), divisions, organization.chart(),
                catalogue.definition(), calendar.zone(), calendar.years(), rules.definitions(), roles, areas, permissions), problems);
    }

    // ---------------------------------------------------------------- manifest

    private record Header(boolean readable, String name, String nameEn) {
    }

    private static Header header(Doc m, Path dir) throws IOException {
        Map<String, Object> root = m.object(m.root(), "");
        if (root == null) {
            return new Header(false, null, null);
        }
        String format = m.string(root, "format", "", true);
        if (format != null && !BundleFormat.FORMAT.equals(format)) {
            m.problem("/format", "format is '" + format + "', not '" + BundleFormat.FORMAT + "': not a city model bundle");
            return new Header(false, null, null);
        }
        Object version = root.get("version");
        if (!(version instanceof BigDecimal v) || v.stripTrailingZeros().scale() > 0) {
            m.problem(root.containsKey("version") ? "/version" : "", "version must be a whole number (this platform reads "
                    + "bundle format version " + BundleFormat.VERSION + ")");
            return new Header(false, null, null);
        }
        if (v.intValue() != BundleFormat.VERSION) {
            m.problem("/version", "the bundle is format version " + v.toPlainString() + "; this platform reads version "
                    + BundleFormat.VERSION + " only (see docs/citymodel.md, \"Versions\")");
            return new Header(false, null, null);
        }
        Map<String, Object> city = root.containsKey("city") ? m.object(root.get("city"), "/city") : Map.of();
        String name = city == null ? null : m.string(city, "name", "/city", false);
        String nameEn = city == null ? null : m.string(city, "nameEn", "/city", false);
        List<Object> files = m.array(root, "files", "", true);
        Set<String> listed = new HashSet<>();
        for (int i = 0; files != null && i < files.size(); i++) {
            String at = "/files/" + i;
            Map<String, Object> entry = m.object(files.get(i), at);
            if (entry == null) {
                continue;
            }
            String path = m.string(entry, "path", at, true);
            String sha = m.string(entry, "sha256", at, true);
            if (path == null || sha == null) {
                continue;
            }
            if (!BundleFormat.FILES.contains(path)) {
                m.problem(at + "/path", "'" + path + "' is not a file of bundle format version " + BundleFormat.VERSION);
                continue;
            }
            listed.add(path);
            Path file = dir.resolve(path);
            if (Files.isRegularFile(file) && !BundleWriter.sha256(file).equalsIgnoreCase(sha)) {
                m.problem(at + "/sha256", path + " does not match its checksum: it was changed after the export"
                        + " (edit it on purpose? then put its new SHA-256 in the manifest)");
            }
        }
        for (String required : BundleFormat.FILES) {
            if (files != null && !listed.contains(required)) {
                m.problem("/files", required + " is not listed in the manifest");
            }
        }
        return new Header(true, name == null ? "" : name, nameEn == null ? "" : nameEn);
    }

    private static <T> T doc(Path dir, String file, Set<String> present, List<BundleProblem> problems,
            Function<Doc, T> reader, T empty) throws IOException {
        if (!present.contains(file)) {
            return empty;
        }
        Doc doc = Doc.parse(file, Files.readAllBytes(dir.resolve(file)), problems);
        if (doc == null) {
            return empty;
        }
        T value = reader.apply(doc);
        return value == null ? empty : value;
    }

    // ---------------------------------------------------------------- divisions

    /** The divisions read; the codes of features that had problems go into {@code unreadable}. */
    private List<Division> divisions(byte[] bytes, List<BundleProblem> problems, Set<String> unreadable)
            throws IOException {
        DivisionsGeoJson.Read read = geojson.read(new ByteArrayInputStream(bytes));
        for (ImportOutcome.Problem p : read.problems()) {
            problems.add(geoProblem(p));
            if (p.feature().matches("\\d{6}(\\d{3}){0,3}")) {
                unreadable.add(p.feature());
            }
        }
        return read.divisions();
    }

    /** A geography problem as a bundle problem: {@code features[3]} becomes the pointer {@code /features/3}. */
    static BundleProblem geoProblem(ImportOutcome.Problem p) {
        String feature = p.feature();
        String pointer = feature.startsWith("features[") ? "/features/" + feature.substring(9, feature.length() - 1)
                : "body".equals(feature) ? "" : "feature " + feature;
        int line = 0;
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("at line (\\d+)").matcher(p.message());
        if (at.find()) {
            line = Integer.parseInt(at.group(1));
        }
        return new BundleProblem(BundleFormat.DIVISIONS, line, pointer, p.message());
    }

    // ---------------------------------------------------------------- organization

    /** The organization with where each reference lies, for the cross-checks. */
    private record Organization(OrganizationChart chart, List<At<String>> branchDistricts,
            List<At<String>> centreDivisions, List<String> departmentCodes) {
    }

    /** A value and the JSON pointer it was read at. */
    private record At<T>(T value, String pointer, Doc doc) {
    }

    private Organization organization(Doc d) {
        Map<String, Object> root = d.object(d.root(), "");
        if (root == null) {
            return null;
        }
        List<Department> departments = new ArrayList<>();
        List<At<String>> branchDistricts = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Object> list = d.array(root, "departments", "", true);
        for (int i = 0; list != null && i < list.size(); i++) {
            String at = "/departments/" + i;
            Map<String, Object> m = d.object(list.get(i), at);
            if (m == null) {
                continue;
            }
            String code = d.string(m, "code", at, true);
            String name = d.string(m, "name", at, true);
            String nameEn = d.string(m, "nameEn", at, true);
            String kind = d.string(m, "kind", at, true);
            List<Object> branchList = d.array(m, "branches", at, false);
            if (code == null || name == null || nameEn == null || kind == null) {
                continue;
            }
            if (!seen.add(code)) {
                d.problem(at + "/code", "department " + code + " appears twice");
                continue;
            }
            codes.add(code);
            try {
                DepartmentCode dc = DepartmentCode.of(code);
                DepartmentKind k = DepartmentKind.parse(kind);
                List<DepartmentBranch> branches = new ArrayList<>();
                Set<String> districts = new HashSet<>();
                for (int b = 0; branchList != null && b < branchList.size(); b++) {
                    String bat = at + "/branches/" + b;
                    Map<String, Object> bm = d.object(branchList.get(b), bat);
                    if (bm == null) {
                        continue;
                    }
                    String district = d.string(bm, "district", bat, true);
                    String bname = d.string(bm, "name", bat, true);
                    String bnameEn = d.string(bm, "nameEn", bat, true);
                    if (district == null || bname == null || bnameEn == null) {
                        continue;
                    }
                    if (!districts.add(district)) {
                        d.problem(bat + "/district", code + " has two branches in district " + district);
                        continue;
                    }
                    try {
                        branches.add(new DepartmentBranch(dc, DivisionCode.of(district), bname, bnameEn));
                        branchDistricts.add(new At<>(district, bat + "/district", d));
                    } catch (IllegalArgumentException e) {
                        d.problem(bat, e.getMessage());
                    }
                }
                departments.add(new Department(dc, name, nameEn, k, branches));
            } catch (IllegalArgumentException e) {
                d.problem(at, e.getMessage());
            }
        }
        List<OperationCentre> centres = new ArrayList<>();
        List<At<String>> centreDivisions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int cities = 0;
        List<Object> centreList = d.array(root, "centres", "", true);
        for (int i = 0; centreList != null && i < centreList.size(); i++) {
            String at = "/centres/" + i;
            Map<String, Object> m = d.object(centreList.get(i), at);
            if (m == null) {
                continue;
            }
            String level = d.string(m, "level", at, true);
            String division = d.string(m, "division", at, false);
            String name = d.string(m, "name", at, true);
            String nameEn = d.string(m, "nameEn", at, true);
            if (level == null || name == null || nameEn == null) {
                continue;
            }
            try {
                OperationCentre c = new OperationCentre(CentreLevel.parse(level),
                        division == null ? null : DivisionCode.of(division), name, nameEn);
                if (!ids.add(c.id())) {
                    d.problem(at, "two centres govern " + c.id());
                    continue;
                }
                if (c.level() == CentreLevel.CITY) {
                    cities++;
                }
                centres.add(c);
                if (division != null) {
                    centreDivisions.add(new At<>(division, at + "/division", d));
                }
            } catch (IllegalArgumentException e) {
                d.problem(at, e.getMessage());
            }
        }
        if (centreList != null && cities != 1) {
            d.problem("/centres", "the organization needs exactly one city centre, not " + cities);
        }
        OrganizationChart chart;
        try {
            chart = new OrganizationChart(departments, cities == 1 ? centres : List.of());
        } catch (IllegalArgumentException e) {
            d.problem("", e.getMessage());
            chart = new OrganizationChart(List.of(), List.of());
        }
        return new Organization(chart, branchDistricts, centreDivisions, codes);
    }

    // ---------------------------------------------------------------- case catalogue

    private record Catalogue(CatalogueDefinition definition, List<At<String>> departments, List<At<String>> districts) {
    }

    private static Catalogue catalogue(Doc d) {
        Map<String, Object> root = d.object(d.root(), "");
        if (root == null) {
            return null;
        }
        List<At<String>> departments = new ArrayList<>();
        List<At<String>> districts = new ArrayList<>();
        List<CatalogueDefinition.Category> categories = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        List<Object> list = d.array(root, "categories", "", true);
        for (int i = 0; list != null && i < list.size(); i++) {
            String at = "/categories/" + i;
            Map<String, Object> m = d.object(list.get(i), at);
            if (m == null) {
                continue;
            }
            String[] f = d.strings(m, at, "code", "kind", "major", "majorName", "majorNameEn", "name", "nameEn",
                    "department", "dispatch", "handle", "verify");
            if (f == null) {
                continue;
            }
            if (!codes.add(f[0])) {
                d.problem(at + "/code", "category " + f[0] + " appears twice");
                continue;
            }
            try {
                categories.add(new CatalogueDefinition.Category(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8],
                        f[9], f[10]));
                departments.add(new At<>(f[7], at + "/department", d));
            } catch (IllegalArgumentException e) {
                d.problem(at, e.getMessage());
            }
        }
        List<CatalogueDefinition.HotlineType> types = new ArrayList<>();
        Set<String> typeCodes = new HashSet<>();
        List<Object> typeList = d.array(root, "hotlineTypes", "", true);
        for (int i = 0; typeList != null && i < typeList.size(); i++) {
            String at = "/hotlineTypes/" + i;
            Map<String, Object> m = d.object(typeList.get(i), at);
            String[] f = m == null ? null : d.strings(m, at, "code", "name", "nameEn", "handle");
            if (f == null) {
                continue;
            }
            if (!typeCodes.add(f[0])) {
                d.problem(at + "/code", "hotline type " + f[0] + " appears twice");
                continue;
            }
            try {
                types.add(new CatalogueDefinition.HotlineType(f[0], f[1], f[2], f[3]));
            } catch (IllegalArgumentException e) {
                d.problem(at, e.getMessage());
            }
        }
        List<CatalogueDefinition.RoutingOverride> overrides = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<Object> overrideList = d.array(root, "routingOverrides", "", true);
        for (int i = 0; overrideList != null && i < overrideList.size(); i++) {
            String at = "/routingOverrides/" + i;
            Map<String, Object> m = d.object(overrideList.get(i), at);
            String[] f = m == null ? null : d.strings(m, at, "district", "categoryPrefix", "department");
            if (f == null) {
                continue;
            }
            if (!keys.add(f[0] + "/" + f[1])) {
                d.problem(at, "district " + f[0] + " overrides prefix " + f[1] + " twice");
                continue;
            }
            try {
                overrides.add(new CatalogueDefinition.RoutingOverride(f[0], f[1], f[2]));
                departments.add(new At<>(f[2], at + "/department", d));
                districts.add(new At<>(f[0], at + "/district", d));
            } catch (IllegalArgumentException e) {
                d.problem(at, e.getMessage());
            }
        }
        return new Catalogue(new CatalogueDefinition(categories, types, overrides), departments, districts);
    }

    // ---------------------------------------------------------------- calendar

    private record Calendar(String zone, List<CalendarYearDefinition> years) {
    }

    private static Calendar calendar(Doc d) {
        Map<String, Object> root = d.object(d.root(), "");
        if (root == null) {
            return null;
        }
        String zone = d.string(root, "zone", "", true);
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                d.problem("/zone", "'" + zone + "' is not a time zone (e.g. Asia/Shanghai)");
            }
        }
        List<CalendarYearDefinition> years = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        List<Object> list = d.array(root, "years", "", true);
        for (int i = 0; list != null && i < list.size(); i++) {
            String at = "/years/" + i;
            Map<String, Object> m = d.object(list.get(i), at);
            if (m == null) {
                continue;
            }
            Integer year = d.integer(m, "year", at, true);
            String source = d.string(m, "source", at, false);
            List<Object> hoursList = d.array(m, "hours", at, true);
            List<String> hours = new ArrayList<>();
            for (int h = 0; hoursList != null && h < hoursList.size(); h++) {
                if (hoursList.get(h) instanceof String s) {
                    hours.add(s);
                } else {
                    d.problem(at + "/hours/" + h, "a working period is a string like \"09:00-12:00\"");
                }
            }
            List<CalendarYearDefinition.Holiday> holidays = new ArrayList<>();
            List<Object> holidayList = d.array(m, "holidays", at, false);
            for (int h = 0; holidayList != null && h < holidayList.size(); h++) {
                String hat = at + "/holidays/" + h;
                Map<String, Object> hm = d.object(holidayList.get(h), hat);
                if (hm == null) {
                    continue;
                }
                String name = d.string(hm, "name", hat, true);
                String nameEn = d.string(hm, "nameEn", hat, false);
                LocalDate from = d.date(hm, "from", hat, true);
                LocalDate to = d.date(hm, "to", hat, false);
                if (name == null || from == null) {
                    continue;
                }
                try {
                    holidays.add(new CalendarYearDefinition.Holiday(name, nameEn, from, to));
                } catch (IllegalArgumentException e) {
                    d.problem(hat, e.getMessage());
                }
            }
            List<CalendarYearDefinition.MakeUpDay> workdays = new ArrayList<>();
            List<Object> workdayList = d.array(m, "workdays", at, false);
            for (int w = 0; workdayList != null && w < workdayList.size(); w++) {
                String wat = at + "/workdays/" + w;
                Map<String, Object> wm = d.object(workdayList.get(w), wat);
                if (wm == null) {
                    continue;
                }
                LocalDate date = d.date(wm, "date", wat, true);
                String forHoliday = d.string(wm, "for", wat, false);
                if (date != null) {
                    workdays.add(new CalendarYearDefinition.MakeUpDay(date, forHoliday));
                }
            }
            if (year == null) {
                continue;
            }
            if (!seen.add(year)) {
                d.problem(at + "/year", "year " + year + " appears twice");
                continue;
            }
            try {
                years.add(new CalendarYearDefinition(year, source, hours, holidays, workdays));
            } catch (IllegalArgumentException e) {
                d.problem(at, e.getMessage());
            }
        }
        return new Calendar(zone == null ? "Asia/Shanghai" : zone, years);
    }

    // ---------------------------------------------------------------- alert rules

    private record Rules(List<AlertRuleDefinition> definitions, List<At<String>> categories) {
    }

    private static Rules rules(Doc d) {
        Map<String, Object> root = d.object(d.root(), "");
        if (root == null) {
            return null;
        }
        List<AlertRuleDefinition> rules = new ArrayList<>();
        List<At<String>> categories = new ArrayList<>();
        List<Object> list = d.array(root, "rules", "", true);
        for (int i = 0; list != null && i < list.size(); i++) {
            String at = "/rules/" + i;
            Map<String, Object> m = d.object(list.get(i), at);
            if (m == null) {
                continue;
            }
            int before = d.problems.size();
            String name = d.string(m, "name", at, true);
            String sensorType = d.string(m, "sensorType", at, true);
            String kind = d.string(m, "kind", at, true);
            String direction = d.string(m, "direction", at, false);
            Double limit = d.number(m, "limit", at);
            Double hysteresis = d.number(m, "hysteresis", at);
            Integer minDuration = d.integer(m, "minDurationSeconds", at, false);
            Integer hold = d.integer(m, "holdSeconds", at, false);
            Double drop = d.number(m, "dropPercent", at);
            Integer window = d.integer(m, "windowSeconds", at, false);
            Integer stale = d.integer(m, "staleIntervals", at, false);
            String otherType = d.string(m, "otherType", at, false);
            String otherDirection = d.string(m, "otherDirection", at, false);
            Double otherLimit = d.number(m, "otherLimit", at);
            Integer severity = d.integer(m, "severity", at, true);
            String category = d.string(m, "category", at, false);
            Boolean enabled = d.bool(m, "enabled", at);
            if (d.problems.size() > before || name == null || sensorType == null || kind == null || severity == null) {
                continue;
            }
            try {
                rules.add(new AlertRuleDefinition(name, sensorType, kind, direction, limit,
                        hysteresis == null ? 0 : hysteresis, minDuration == null ? 0 : minDuration, hold == null ? 0 : hold,
                        drop, window, stale, otherType, otherDirection, otherLimit, severity, category,
                        enabled == null || enabled));
                if (category != null) {
                    categories.add(new At<>(category, at + "/category", d));
                }
            } catch (IllegalArgumentException e) {
                d.problem(at, e.getMessage());
            }
        }
        return new Rules(rules, categories);
    }

    // ---------------------------------------------------------------- permissions

    /**
     * The bundle's permission table, its shape checked; with {@code enforced}, each row that does not
     * grant what this platform grants, and each operation of this platform the bundle leaves out.
     */
    static PermissionTable permissions(String csv, PermissionTable enforced, List<BundleProblem> problems) {
        String file = BundleFormat.PERMISSIONS;
        PermissionTable.Parsed parsed = PermissionTable.parse(csv);
        for (PermissionTable.Problem p : parsed.problems()) {
            problems.add(new BundleProblem(file, p.line(), "", p.message()));
        }
        if (parsed.table() == null) {
            return new PermissionTable(List.of());
        }
        if (enforced != null) {
            Map<String, PermissionTable.Row> platform = enforced.byKey();
            Map<String, PermissionTable.Row> bundle = parsed.table().byKey();
            for (PermissionTable.Row row : parsed.table().rows()) {
                int line = parsed.lines().get(row.key());
                PermissionTable.Row own = platform.get(row.key());
                if (own == null) {
                    problems.add(new BundleProblem(file, line, "", "this platform has no operation " + row.key()
                            + "; the bundle says " + who(row) + " may call it. Permissions are code in this"
                            + " version: a bundle cannot change them"));
                } else if (!own.sameGrant(row)) {
                    problems.add(new BundleProblem(file, line, "", "this platform lets " + who(own) + " call "
                            + own.key() + " (" + own.rule().code() + "); the bundle says " + who(row) + " ("
                            + row.rule().code() + "). Permissions are code in this version: a bundle cannot change them"));
                }
            }
            for (PermissionTable.Row own : enforced.rows()) {
                if (!bundle.containsKey(own.key())) {
                    problems.add(new BundleProblem(file, 0, "", "this platform lets " + who(own) + " call " + own.key()
                            + " (" + own.rule().code() + "); the bundle does not list it. Permissions are code in"
                            + " this version: a bundle cannot change them"));
                }
            }
        }
        return parsed.table();
    }

    private static String who(PermissionTable.Row row) {
        return switch (row.callers()) {
            case "PUBLIC" -> "anyone (PUBLIC)";
            case "ANY" -> "any signed-in account (ANY)";
            default -> String.join(" ", row.callers().split(" +"));
        };
    }

    // ---------------------------------------------------------------- roles and priority areas

    private static List<String> codes(Doc d, String array, String key, java.util.function.Predicate<String> known,
            String what) {
        Map<String, Object> root = d.object(d.root(), "");
        if (root == null) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        List<Object> list = d.array(root, array, "", true);
        for (int i = 0; list != null && i < list.size(); i++) {
            String at = "/" + array + "/" + i;
            Map<String, Object> m = d.object(list.get(i), at);
            String code = m == null ? null : d.string(m, key, at, true);
            if (code == null) {
                continue;
            }
            if (!known.test(code)) {
                d.problem(at + "/" + key, "'" + code + "' is not " + what);
            } else if (codes.contains(code)) {
                d.problem(at + "/" + key, "'" + code + "' appears twice");
            } else {
                codes.add(code);
            }
        }
        return codes;
    }

    private static <E extends Enum<E>> boolean known(Class<E> type, String name) {
        try {
            Enum.valueOf(type, name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- references between files

    /**
     * References between files. A division whose feature had a problem of its own counts as present,
     * so one bad ring is reported once, not again by every reference to it.
     */
    private static void crossReferences(List<Division> divisions, Set<String> unreadable, boolean haveDivisions, Organization organization,
            Catalogue catalogue, Rules rules, List<BundleProblem> problems) {
        Set<String> codes = new HashSet<>(unreadable);
        Set<String> districts = new HashSet<>();
        unreadable.stream().filter(code -> code.length() == 6).forEach(districts::add);
        for (Division d : divisions) {
            codes.add(d.code().value());
            if (d.level() == DivisionLevel.DISTRICT) {
                districts.add(d.code().value());
            }
        }
        if (haveDivisions) {
            for (At<String> b : organization.branchDistricts()) {
                if (!districts.contains(b.value())) {
                    b.doc().problem(b.pointer(), "district " + b.value() + " is not in " + BundleFormat.DIVISIONS);
                }
            }
            for (At<String> c : organization.centreDivisions()) {
                if (!codes.contains(c.value())) {
                    c.doc().problem(c.pointer(), "division " + c.value() + " is not in " + BundleFormat.DIVISIONS);
                }
            }
            for (At<String> o : catalogue.districts()) {
                if (!districts.contains(o.value())) {
                    o.doc().problem(o.pointer(), "district " + o.value() + " is not in " + BundleFormat.DIVISIONS);
                }
            }
        }
        Set<String> departments = new HashSet<>(organization.departmentCodes());
        for (At<String> ref : catalogue.departments()) {
            if (!departments.contains(ref.value())) {
                ref.doc().problem(ref.pointer(), "department '" + ref.value() + "' does not exist in "
                        + BundleFormat.ORGANIZATION);
            }
        }
        Set<String> categories = new HashSet<>();
        catalogue.definition().categories().forEach(c -> categories.add(c.code()));
        for (At<String> ref : rules.categories()) {
            if (!categories.contains(ref.value())) {
                ref.doc().problem(ref.pointer(), "case category '" + ref.value() + "' does not exist in "
                        + BundleFormat.CATALOGUE);
            }
        }
        problems.sort(java.util.Comparator.comparingInt((BundleProblem p) -> BundleFormat.FILES.indexOf(p.file()))
                .thenComparingInt(BundleProblem::line));
    }

    // ---------------------------------------------------------------- one parsed JSON file

    /** A parsed file: typed access to its members, each problem recorded with its line. */
    static final class Doc {
        private final String file;
        private final LocatedJson.Read read;
        private final List<BundleProblem> problems;

        private Doc(String file, LocatedJson.Read read, List<BundleProblem> problems) {
            this.file = file;
            this.read = read;
            this.problems = problems;
        }

        /** The file parsed, or null (with the problem recorded) when it is not JSON. */
        static Doc parse(String file, byte[] bytes, List<BundleProblem> problems) {
            return switch (LocatedJson.parse(bytes)) {
                case LocatedJson.Read read -> new Doc(file, read, problems);
                case LocatedJson.Malformed bad -> {
                    problems.add(new BundleProblem(file, bad.line(), "", bad.message() + " (column " + bad.column() + ")"));
                    yield null;
                }
            };
        }

        Object root() {
            return read.root();
        }

        void problem(String pointer, String message) {
            problems.add(new BundleProblem(file, read.line(pointer), pointer, message));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object(Object value, String at) {
            if (value instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            problem(at, "must be an object, not " + describe(value));
            return null;
        }

        @SuppressWarnings("unchecked")
        List<Object> array(Map<String, Object> m, String key, String at, boolean required) {
            Object v = m.get(key);
            if (v == null) {
                if (required) {
                    problem(at, "\"" + key + "\" is required (an array)");
                }
                return null;
            }
            if (v instanceof List<?> l) {
                return (List<Object>) l;
            }
            problem(at + "/" + key, "must be an array, not " + describe(v));
            return null;
        }

        String string(Map<String, Object> m, String key, String at, boolean required) {
            Object v = m.get(key);
            if (v == null) {
                if (required) {
                    problem(at, "\"" + key + "\" is required (a string)");
                }
                return null;
            }
            if (v instanceof String s) {
                return s;
            }
            problem(at + "/" + key, "must be a string, not " + describe(v));
            return null;
        }

        /** All of these strings, required; null when any is missing or not a string. */
        String[] strings(Map<String, Object> m, String at, String... keys) {
            String[] out = new String[keys.length];
            boolean complete = true;
            for (int i = 0; i < keys.length; i++) {
                out[i] = string(m, keys[i], at, true);
                complete &= out[i] != null;
            }
            return complete ? out : null;
        }

        Integer integer(Map<String, Object> m, String key, String at, boolean required) {
            Object v = m.get(key);
            if (v == null) {
                if (required) {
                    problem(at, "\"" + key + "\" is required (a whole number)");
                }
                return null;
            }
            if (v instanceof BigDecimal d) {
                try {
                    return d.intValueExact();
                } catch (ArithmeticException e) {
                    // falls through to the problem
                }
            }
            problem(at + "/" + key, "must be a whole number, not " + describe(v));
            return null;
        }

        Double number(Map<String, Object> m, String key, String at) {
            Object v = m.get(key);
            if (v == null) {
                return null;
            }
            if (v instanceof BigDecimal d && Double.isFinite(d.doubleValue())) {
                return d.doubleValue();
            }
            problem(at + "/" + key, "must be a number, not " + describe(v));
            return null;
        }

        Boolean bool(Map<String, Object> m, String key, String at) {
            Object v = m.get(key);
            if (v == null || v instanceof Boolean) {
                return (Boolean) v;
            }
            problem(at + "/" + key, "must be true or false, not " + describe(v));
            return null;
        }

        LocalDate date(Map<String, Object> m, String key, String at, boolean required) {
            String s = string(m, key, at, required);
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeException e) {
                problem(at + "/" + key, "'" + s + "' is not a date like 2026-10-01");
                return null;
            }
        }

        private static String describe(Object v) {
            return switch (v) {
                case null -> "null";
                case Map<?, ?> ignored -> "an object";
                case List<?> ignored -> "an array";
                case String s -> "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
                case BigDecimal d -> "the number " + d.toPlainString();
                case Boolean b -> b.toString();
                default -> v.toString();
            };
        }
    }
}

package org.megacity.citymodel.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.megacity.cases.CatalogueDefinition;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.GridLayout;
import org.megacity.geo.RightHandRule;
import org.megacity.geo.internal.GeoJsonDivisionsAccess;
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
import org.megacity.worktime.internal.CalendarAccess;

/**
 * The example of adaptation shipped in {@code docs/examples/citymodel-jiangzhou}: 江州市 / Jiangzhou,
 * a small city of two districts (two streets each, two communities per street, unit grids of 1 ha)
 * that took the demo city's model and changed it:
 * <ul>
 * <li>fewer departments: no water bureau (drainage takes its work), no housing or planning bureau (a
 * comprehensive law-enforcement bureau, 综合行政执法局, takes theirs);</li>
 * <li>faster time limits: emergencies (E05) dispatched within 15 minutes, public-facility components
 * (C01) handled within 6 working hours instead of a day, illegal construction within 10 days;
 * complaints to 12345 answered within 7 days; a new category E0607 landslide hazard;</li>
 * <li>in the western district, trees and green spaces (C04) go to the city-appearance bureau;</li>
 * <li>its own working hours in 2026 (08:30–12:00, 14:00–17:30) and a local holiday, City Day (18 November 2026);</li>
 * <li>stricter methane and waterlogging alarms, and no crowd-count alarm.</li>
 * </ul>
 * Regenerate the files with {@code -Dmegacity.example.write=true} on {@link JiangzhouExampleTest}.
 */
public final class JiangzhouExample {

    public static final Path DIRECTORY = Path.of("docs/examples/citymodel-jiangzhou");
    /** Fixed, so the files are written the same every time. */
    public static final Instant EXPORTED_AT = Instant.parse("2026-11-29T00:00:00Z");

    private static final double WEST = 105.9200;
    private static final double SOUTH = 29.3500;
    /** A street is 400 m by 400 m, a community 400 m by 200 m (8 grids of 1 ha). */
    private static final double STREET_DEG_LON = 0.00412;
    private static final double STREET_DEG_LAT = 0.00360;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private JiangzhouExample() {
    }

    public static CityModel model() throws IOException {
        return new CityModel("江州市", "Jiangzhou", divisions(), organization(), catalogue(), "Asia/Shanghai",
                calendar(), rules(), Arrays.stream(Role.values()).map(Role::name).toList(),
                Arrays.stream(PriorityArea.values()).map(PriorityArea::id).toList(), PermissionTable.platform());
    }

    public static void write(Path dir) throws IOException {
        new BundleWriter(GeoJsonDivisionsAccess.standalone()).write(model(), dir, EXPORTED_AT);
    }

    // ---------------------------------------------------------------- divisions

    static final String[][] DISTRICTS = {{"500201", "东岸区", "Dong'an District"}, {"500202", "西岸区", "Xi'an District"}};
    static final String[][][] STREETS = {
            {{"001", "滨江街道", "Binjiang Subdistrict"}, {"002", "文峰街道", "Wenfeng Subdistrict"}},
            {{"001", "石桥街道", "Shiqiao Subdistrict"}, {"101", "松溉镇", "Songgai Town"}}};

    static List<Division> divisions() {
        List<Division> all = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            double w = WEST + d * 2 * STREET_DEG_LON;
            all.add(rectangle(DISTRICTS[d][0], DISTRICTS[d][1], DISTRICTS[d][2], w, SOUTH, w + 2 * STREET_DEG_LON,
                    SOUTH + STREET_DEG_LAT));
            for (int s = 0; s < 2; s++) {
                String[] street = STREETS[d][s];
                String code = DISTRICTS[d][0] + street[0];
                double sw = w + s * STREET_DEG_LON;
                all.add(rectangle(code, street[1], street[2], sw, SOUTH, sw + STREET_DEG_LON, SOUTH + STREET_DEG_LAT));
                boolean town = street[0].startsWith("1");
                String stem = street[1].substring(0, 2);
                String stemEn = street[2].split(" ")[0];
                for (int c = 0; c < 2; c++) {
                    String communityCode = code + (town ? "20" : "00") + (c + 1);
                    String name = stem + (c == 0 ? "北" : "南") + (town ? "村" : "社区");
                    String nameEn = stemEn + (c == 0 ? " North " : " South ") + (town ? "Village" : "Community");
                    double cs = c == 0 ? SOUTH + STREET_DEG_LAT / 2 : SOUTH;
                    Division community = rectangle(communityCode, name, nameEn, sw, cs, sw + STREET_DEG_LON,
                            cs + STREET_DEG_LAT / 2);
                    all.add(community);
                    all.addAll(GridLayout.cover(community));
                }
            }
        }
        return all;
    }

    private static Division rectangle(String code, String name, String nameEn, double w, double s, double e, double n) {
        return new Division(DivisionCode.of(code), name, nameEn,
                RightHandRule.apply(FACTORY.toGeometry(new Envelope(w, e, s, n))));
    }

    // ---------------------------------------------------------------- organization

    private record Dept(String code, String name, String nameEn, DepartmentKind kind, String branch, String branchEn) {
    }

    private static final List<Dept> DEPARTMENTS = List.of(
            new Dept("water-supply", "江州市自来水有限公司", "Jiangzhou Water Supply Company", DepartmentKind.UTILITY_OPERATOR,
                    "供水分公司", "Water Supply Branch"),
            new Dept("drainage", "江州市排水有限公司", "Jiangzhou Drainage Company", DepartmentKind.UTILITY_OPERATOR,
                    "排水管理所", "Drainage Office"),
            new Dept("gas", "江州市燃气公司", "Jiangzhou Gas Company", DepartmentKind.UTILITY_OPERATOR, "燃气营业所", "Gas Office"),
            new Dept("power", "江州供电公司", "Jiangzhou Power Supply Company", DepartmentKind.UTILITY_OPERATOR,
                    "供电所", "Power Supply Office"),
            new Dept("telecom", "江州电信公司", "Jiangzhou Telecom Company", DepartmentKind.UTILITY_OPERATOR,
                    "电信营业部", "Telecom Office"),
            new Dept("roads", "江州市市政设施管理处", "Jiangzhou Roads and Facilities Office", DepartmentKind.GOVERNMENT_BUREAU,
                    "市政所", "Roads Office"),
            new Dept("parks", "江州市园林绿化所", "Jiangzhou Parks Office", DepartmentKind.GOVERNMENT_BUREAU,
                    "园林所", "Parks Office"),
            new Dept("city-appearance", "江州市城市管理局", "Jiangzhou City Management Bureau", DepartmentKind.GOVERNMENT_BUREAU,
                    "城市管理局", "City Management Bureau"),
            new Dept("comprehensive-enforcement", "江州市综合行政执法局", "Jiangzhou Comprehensive Law Enforcement Bureau",
                    DepartmentKind.GOVERNMENT_BUREAU, "综合行政执法大队", "Law Enforcement Brigade"),
            new Dept("emergency", "江州市应急管理局", "Jiangzhou Emergency Management Bureau", DepartmentKind.GOVERNMENT_BUREAU,
                    null, null),
            new Dept("hotline-12345", "江州市12345政务服务便民热线中心", "Jiangzhou 12345 Citizen Service Hotline Centre",
                    DepartmentKind.SERVICE_CENTRE, null, null));

    static OrganizationChart organization() {
        List<Department> departments = new ArrayList<>();
        for (Dept d : DEPARTMENTS) {
            DepartmentCode code = DepartmentCode.of(d.code());
            List<DepartmentBranch> branches = new ArrayList<>();
            if (d.branch() != null) {
                for (String[] district : DISTRICTS) {
                    branches.add(new DepartmentBranch(code, DivisionCode.of(district[0]), district[1] + d.branch(),
                            district[2] + " " + d.branchEn()));
                }
            }
            departments.add(new Department(code, d.name(), d.nameEn(), d.kind(), branches));
        }
        List<OperationCentre> centres = new ArrayList<>();
        centres.add(new OperationCentre(CentreLevel.CITY, null, "江州市城市运行和治理中心",
                "Jiangzhou City Operation and Governance Centre"));
        for (int d = 0; d < 2; d++) {
            centres.add(new OperationCentre(CentreLevel.DISTRICT, DivisionCode.of(DISTRICTS[d][0]),
                    DISTRICTS[d][1] + "城市运行和治理中心", DISTRICTS[d][2] + " Operation and Governance Centre"));
            for (String[] street : STREETS[d]) {
                centres.add(new OperationCentre(CentreLevel.STREET, DivisionCode.of(DISTRICTS[d][0] + street[0]),
                        street[1] + "城市运行和治理中心", street[2] + " Operation and Governance Centre"));
            }
        }
        return new OrganizationChart(departments, centres);
    }

    // ---------------------------------------------------------------- case catalogue

    private static final Map<String, String> DEPARTMENT_FOR = Map.of("water", "drainage", "housing-renewal",
            "comprehensive-enforcement", "planning-resources", "comprehensive-enforcement");

    static CatalogueDefinition catalogue() throws IOException {
        List<CatalogueDefinition.Category> categories = new ArrayList<>();
        for (String[] r : shippedRows("cases/categories.csv")) {
            String department = DEPARTMENT_FOR.getOrDefault(r[7], r[7]);
            String dispatch = r[0].startsWith("E05") ? "15m" : r[8];
            String handle = r[0].startsWith("C01") && r[9].equals("1d") ? "6h" : r[0].equals("E0306") ? "10d" : r[9];
            categories.add(new CatalogueDefinition.Category(r[0], r[1], r[2], r[3], r[4], r[5], r[6], department, dispatch,
                    handle, r[10]));
        }
        categories.add(new CatalogueDefinition.Category("E0607", "event", "06", "社会管理", "Social management",
                "山体滑坡隐患", "Landslide hazard", "emergency", "15m", "4h", "2h"));
        List<CatalogueDefinition.HotlineType> types = new ArrayList<>();
        for (String[] r : shippedRows("cases/hotline-types.csv")) {
            types.add(new CatalogueDefinition.HotlineType(r[0], r[1], r[2], r[0].equals("complaint") ? "7d" : r[3]));
        }
        List<CatalogueDefinition.RoutingOverride> overrides = List.of(
                new CatalogueDefinition.RoutingOverride("500202", "C04", "city-appearance"));
        return new CatalogueDefinition(categories, types, overrides);
    }

    private static List<String[]> shippedRows(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = JiangzhouExample.class.getClassLoader().getResourceAsStream(resource)) {
            boolean header = true;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(Arrays.stream(line.split(",", -1)).map(String::trim).toArray(String[]::new));
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- calendar

    static List<CalendarYearDefinition> calendar() {
        List<CalendarYearDefinition> years = new ArrayList<>();
        for (CalendarYearDefinition y : CalendarAccess.shippedYears()) {
            if (y.year() != 2026) {
                years.add(y);
                continue;
            }
            List<CalendarYearDefinition.Holiday> holidays = new ArrayList<>(y.holidays());
            holidays.add(new CalendarYearDefinition.Holiday("江州建城日", "Jiangzhou City Day", LocalDate.of(2026, 11, 18),
                    LocalDate.of(2026, 11, 18)));
            years.add(new CalendarYearDefinition(2026, y.source() + "; 江州市人民政府关于设立江州建城日的决定",
                    List.of("08:30-12:00", "14:00-17:30"), holidays, y.workdays()));
        }
        return years;
    }

    // ---------------------------------------------------------------- alert rules

    static List<AlertRuleDefinition> rules() {
        return List.of(
                threshold("Methane above 20 %LEL", "methane", "above", 20, 5, 0, 60, 1, "E0504"),
                threshold("Methane above 10 %LEL", "methane", "above", 10, 3, 30, 120, 3, "E0504"),
                threshold("Water level above 0.2 m (waterlogging)", "water-level", "above", 0.2, 0.05, 60, 300, 2, "E0503"),
                threshold("Manhole cover tilt above 10 degrees", "manhole-tilt", "above", 10, 2, 0, 300, 3, "C0103"),
                threshold("Pipe pressure below 0.1 MPa", "pressure", "below", 0.1, 0.05, 60, 300, 3, "E0501"),
                threshold("Bridge strain above 1500 microstrain", "strain", "above", 1500, 100, 60, 600, 3, null),
                threshold("Vibration above 20 mm/s", "vibration", "above", 20, 5, 30, 600, 4, null),
                new AlertRuleDefinition("Pressure drop of 30 % within 5 minutes (burst)", "pressure", "rate", null, null, 0,
                        0, 600, 30.0, 300, null, null, null, null, 2, "E0501", true),
                new AlertRuleDefinition("Pressure sensor silent for 5 intervals", "pressure", "stale", null, null, 0, 0, 0,
                        null, null, 5, null, null, null, 4, null, true),
                new AlertRuleDefinition("Methane sensor silent for 5 intervals", "methane", "stale", null, null, 0, 0, 0,
                        null, null, 5, null, null, null, 4, null, true),
                new AlertRuleDefinition("Methane with tilted cover at one manhole", "methane", "composite", "above", 5.0, 0,
                        0, 120, null, null, null, "manhole-tilt", "above", 5.0, 2, "E0504", true));
    }

    private static AlertRuleDefinition threshold(String name, String type, String direction, double limit,
            double hysteresis, int minDuration, int hold, int severity, String category) {
        return new AlertRuleDefinition(name, type, "threshold", direction, limit, hysteresis, minDuration, hold, null, null,
                null, null, null, null, severity, category, true);
    }
}

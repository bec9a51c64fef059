package org.megacity.citymodel.internal;

import java.util.ArrayList;
import java.util.List;
import org.megacity.citymodel.generation.CityGenerator;
import org.megacity.geo.Division;
import org.megacity.organization.CentreLevel;
import org.megacity.organization.Department;
import org.megacity.organization.DepartmentBranch;
import org.megacity.organization.DepartmentCode;
import org.megacity.organization.DepartmentKind;
import org.megacity.organization.OperationCentre;
import org.megacity.organization.OrganizationChart;

/**
 * The demo city's organization: the departments a Chinese city's operation centre dispatches to, each
 * with a branch in every district (except the citywide 12345 centre), and one operation and
 * governance centre for the city, each district and each street.
 */
final class DemoOrganization {

    /**
     * A department of the catalogue: its code, names (the city's name goes before them), kind, and
     * the suffix of its branches' names after the district's name, or null when it has no branches.
     */
    record Entry(String code, String name, String nameEn, DepartmentKind kind, String branchName, String branchNameEn) {
    }

    static final List<Entry> CATALOGUE = List.of(
            new Entry("water", "水务局", "Municipal Water Bureau", DepartmentKind.GOVERNMENT_BUREAU,
                    "水务局", "Water Bureau"),
            new Entry("water-supply", "自来水有限公司", "Water Supply Company", DepartmentKind.UTILITY_OPERATOR,
                    "供水分公司", "Water Supply Branch"),
            new Entry("drainage", "排水有限公司", "Drainage Company", DepartmentKind.UTILITY_OPERATOR,
                    "排水管理所", "Drainage Office"),
            new Entry("gas", "燃气集团", "Gas Group", DepartmentKind.UTILITY_OPERATOR,
                    "燃气分公司", "Gas Branch"),
            new Entry("power", "供电公司", "Power Supply Company", DepartmentKind.UTILITY_OPERATOR,
                    "供电分公司", "Power Supply Branch"),
            new Entry("telecom", "电信公司", "Telecom Company", DepartmentKind.UTILITY_OPERATOR,
                    "电信分公司", "Telecom Branch"),
            new Entry("roads", "市政设施管理局", "Municipal Roads and Facilities Bureau", DepartmentKind.GOVERNMENT_BUREAU,
                    "市政设施管理所", "Roads and Facilities Office"),
            new Entry("parks", "园林绿化局", "Municipal Parks and Greening Bureau", DepartmentKind.GOVERNMENT_BUREAU,
                    "园林绿化局", "Parks and Greening Bureau"),
            new Entry("city-appearance", "城市管理局", "Municipal City Appearance and Management Bureau",
                    DepartmentKind.GOVERNMENT_BUREAU, "城市管理局", "City Appearance and Management Bureau"),
            new Entry("housing-renewal", "住房和城市更新局", "Municipal Housing and Urban Renewal Bureau",
                    DepartmentKind.GOVERNMENT_BUREAU, "住房和城市更新局", "Housing and Urban Renewal Bureau"),
            new Entry("planning-resources", "规划和自然资源局", "Municipal Planning and Natural Resources Bureau",
                    DepartmentKind.GOVERNMENT_BUREAU, "规划和自然资源分局", "Planning and Natural Resources Branch"),
            new Entry("emergency", "应急管理局", "Municipal Emergency Management Bureau", DepartmentKind.GOVERNMENT_BUREAU,
                    "应急管理局", "Emergency Management Bureau"),
            new Entry("hotline-12345", "12345政务服务便民热线中心", "12345 Citizen Service Hotline Centre",
                    DepartmentKind.SERVICE_CENTRE, null, null));

    private DemoOrganization() {
    }

    /** The organization of a city with these districts and streets. */
    static OrganizationChart of(String cityName, String cityNameEn, List<Division> districts, List<Division> streets) {
        List<Department> departments = new ArrayList<>();
        for (Entry e : CATALOGUE) {
            DepartmentCode code = DepartmentCode.of(e.code());
            List<DepartmentBranch> branches = e.branchName() == null ? List.of()
                    : districts.stream().map(d -> new DepartmentBranch(code, d.code(), d.name() + e.branchName(),
                            d.nameEn() + " " + e.branchNameEn())).toList();
            departments.add(new Department(code, cityName + e.name(), cityNameEn + " " + e.nameEn(), e.kind(), branches));
        }
        List<OperationCentre> centres = new ArrayList<>(1 + districts.size() + streets.size());
        centres.add(new OperationCentre(CentreLevel.CITY, null, cityName + "城市运行和治理中心",
                cityNameEn + " City Operation and Governance Centre"));
        for (Division d : districts) {
            centres.add(new OperationCentre(CentreLevel.DISTRICT, d.code(), d.name() + "城市运行和治理中心",
                    d.nameEn() + " Operation and Governance Centre"));
        }
        for (Division s : streets) {
            centres.add(new OperationCentre(CentreLevel.STREET, s.code(), s.name() + "城市运行和治理中心",
                    s.nameEn() + " Operation and Governance Centre"));
        }
        return new OrganizationChart(departments, centres);
    }

    /** The organization of the demo city's name. */
    static OrganizationChart of(List<Division> districts, List<Division> streets) {
        return of(CityGenerator.CITY_NAME, CityGenerator.CITY_NAME_EN, districts, streets);
    }
}

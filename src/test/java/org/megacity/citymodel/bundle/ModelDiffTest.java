package org.megacity.citymodel.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.megacity.cases.CatalogueDefinition;
import org.megacity.geo.DivisionLevel;
import org.megacity.identity.PermissionTable;
import org.megacity.identity.Role;
import org.megacity.worktime.CalendarYearDefinition;

/** The diff of two city models, as an official reads it. */
class ModelDiffTest {

    @Test
    void aCityComparedWithItselfHasNoDifference() throws Exception {
        CityModel city = JiangzhouExample.model();

        List<ModelDiff.Section> sections = ModelDiff.between(city, city);

        assertThat(sections).allSatisfy(s -> assertThat(s.changes()).isEmpty());
        assertThat(ModelDiff.text(sections, "A", "B")).contains("The two city models are the same.",
                "Case categories: departments and time limits: the same");
    }

    @Test
    void changedLimitsRoutingHolidaysRulesAndDivisionsAreEachNamedInTheirSection() throws Exception {
        CityModel a = JiangzhouExample.model();
        List<CatalogueDefinition.Category> categories = new ArrayList<>();
        for (CatalogueDefinition.Category c : a.catalogue().categories()) {
            if (c.code().equals("E0607")) {
                continue;
            }
            categories.add(c.code().equals("E0504") ? new CatalogueDefinition.Category(c.code(), c.kind(), c.major(),
                    c.majorName(), c.majorNameEn(), c.name(), c.nameEn(), "emergency", c.dispatch(), "1h", c.verify()) : c);
        }
        CatalogueDefinition catalogue = new CatalogueDefinition(categories, a.catalogue().hotlineTypes(), List.of(
                new CatalogueDefinition.RoutingOverride("500201", "E06", "emergency")));
        List<CalendarYearDefinition> calendar = a.calendar().stream().filter(y -> y.year() != 2024).toList();
        CityModel b = new CityModel(a.name(), a.nameEn(),
                a.divisions().stream().filter(d -> d.level() != DivisionLevel.GRID || !d.code().value().startsWith("500202"))
                        .toList(),
                a.organization(), catalogue, a.zone(), calendar, a.alertRules().subList(1, a.alertRules().size()),
                a.roles(), a.priorityAreas(), permissionsChanged(a.permissions()));

        String text = ModelDiff.text(ModelDiff.between(a, b), "Jiangzhou", "variant");

        assertThat(text).contains(
                "Divisions (1)",
                "  number of unit grids: 64  →  32",
                "  E0504 燃气泄漏 / Gas leak: department gas, handle 2h  →  department emergency, handle 1h",
                "  only in A: E0607 山体滑坡隐患 / Landslide hazard: department emergency, dispatch 15m, handle 4h, verify 2h",
                "  only in A: in district 500202, categories C04*: → city-appearance",
                "  only in B: in district 500201, categories E06*: → emergency",
                "  only in A: calendar 2024: published",
                "  only in A: methane threshold rule of severity I: \"Methane above 20 %LEL\", above 20, for 0 s,"
                        + " hysteresis 5, hold 60 s, opens a case in E0504",
                "Roles: the same",
                "Permission table (2)",
                "  GET /api/v1/accounts: SYSTEM_ADMIN SECURITY_ADMIN (citywide)  →  SYSTEM_ADMIN (citywide)",
                "  only in A: DELETE /api/v1/cases/open311/keys/{prefix}: SYSTEM_ADMIN (citywide)");
        assertThat(ModelDiff.json(ModelDiff.between(a, b), "Jiangzhou", "variant"))
                .contains("\"differences\": 9", "\"kind\": \"removed\"", "\"subject\": \"number of unit grids\"");
    }

    /** The table with GET /api/v1/accounts for the system administrator only and one row left out. */
    private static PermissionTable permissionsChanged(PermissionTable table) {
        List<PermissionTable.Row> rows = new ArrayList<>();
        for (PermissionTable.Row r : table.rows()) {
            if (r.key().equals("DELETE /api/v1/cases/open311/keys/{prefix}")) {
                continue;
            }
            rows.add(r.key().equals("GET /api/v1/accounts") ? new PermissionTable.Row(r.method(), r.path(), "SYSTEM_ADMIN",
                    Set.of(Role.SYSTEM_ADMIN), r.rule(), r.notes()) : r);
        }
        return new PermissionTable(rows);
    }
}

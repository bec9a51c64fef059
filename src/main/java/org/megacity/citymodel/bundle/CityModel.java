package org.megacity.citymodel.bundle;

import java.util.List;
import org.megacity.cases.CatalogueDefinition;
import org.megacity.geo.Division;
import org.megacity.identity.PermissionTable;
import org.megacity.organization.OrganizationChart;
import org.megacity.telemetry.AlertRuleDefinition;
import org.megacity.worktime.CalendarYearDefinition;

/**
 * A city's whole configuration, the content of a bundle (docs/citymodel.md, "The city model
 * bundle"): no personal data, no operational records.
 *
 * @param name          the city's Chinese name (informational)
 * @param nameEn        its English name
 * @param divisions     districts, streets, communities and unit grids
 * @param organization  departments with their district branches, and the operation centres
 * @param catalogue     case categories with time limits and departments, 12345 types, routing overrides
 * @param zone          the time zone of the working hours
 * @param calendar      the working calendar's years
 * @param alertRules    the alert rules per sensor type
 * @param roles         the role codes the permission model knows ({@code identity.Role})
 * @param priorityAreas the legislative priority areas' ids ({@code legislation.PriorityArea})
 * @param permissions   the permission table: who may call each operation ({@code identity.PermissionTable})
 */
public record CityModel(String name, String nameEn, List<Division> divisions, OrganizationChart organization,
        CatalogueDefinition catalogue, String zone, List<CalendarYearDefinition> calendar,
        List<AlertRuleDefinition> alertRules, List<String> roles, List<String> priorityAreas,
        PermissionTable permissions) {

    public CityModel {
        divisions = List.copyOf(divisions);
        calendar = List.copyOf(calendar);
        alertRules = List.copyOf(alertRules);
        roles = List.copyOf(roles);
        priorityAreas = List.copyOf(priorityAreas);
    }
}

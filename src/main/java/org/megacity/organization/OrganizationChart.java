package org.megacity.organization;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole organization as one value: what {@link Organization#replaceWith} stores.
 *
 * @param departments the departments with their branches
 * @param centres     the operation and governance centres: exactly one city centre, at most one
 *                    centre per division
 */
public record OrganizationChart(List<Department> departments, List<OperationCentre> centres) {

    public OrganizationChart {
        departments = List.copyOf(departments);
        centres = List.copyOf(centres);
        Set<DepartmentCode> codes = new HashSet<>();
        for (Department d : departments) {
            if (!codes.add(d.code())) {
                throw new IllegalArgumentException("department " + d.code() + " appears twice");
            }
        }
        Set<String> ids = new HashSet<>();
        for (OperationCentre c : centres) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("two centres govern " + c.id());
            }
        }
        long cities = centres.stream().filter(c -> c.level() == CentreLevel.CITY).count();
        if (!centres.isEmpty() && cities != 1) {
            throw new IllegalArgumentException("the organization needs exactly one city centre, not " + cities);
        }
    }

    public int branchCount() {
        return departments.stream().mapToInt(d -> d.branches().size()).sum();
    }
}

package org.megacity.identity;

import java.util.Set;

/**
 * Where an account may see and act: the divisions and departments it is bound to. Division codes
 * nest by prefix, so an account bound to a street covers every community and grid in it.
 *
 * @param citywide    bound to the whole city (the city centre, the administrators, the system itself)
 * @param divisions   the division codes it is bound to
 * @param departments the department codes it is bound to
 */
public record Jurisdiction(boolean citywide, Set<String> divisions, Set<String> departments) {

    public static final Jurisdiction CITYWIDE = new Jurisdiction(true, Set.of(), Set.of());
    public static final Jurisdiction NONE = new Jurisdiction(false, Set.of(), Set.of());

    public Jurisdiction {
        divisions = Set.copyOf(divisions);
        departments = Set.copyOf(departments);
    }

    /** Whether the division (or grid) with this code lies within the jurisdiction. */
    public boolean covers(String divisionCode) {
        if (citywide) {
            return true;
        }
        for (String bound : divisions) {
            if (divisionCode.startsWith(bound)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the division may be shown: it lies within the jurisdiction, or contains part of it
     * (the district of a street-level account is shown as context).
     */
    public boolean sees(String divisionCode) {
        if (covers(divisionCode)) {
            return true;
        }
        for (String bound : divisions) {
            if (bound.startsWith(divisionCode)) {
                return true;
            }
        }
        return false;
    }

    public boolean coversDepartment(String departmentCode) {
        return citywide || departments.contains(departmentCode);
    }
}

package org.megacity.organization;

import java.util.List;
import java.util.Optional;
import org.megacity.geo.DivisionCode;

/** The city's departments, as the modules that route work to them read them. */
public interface Departments {

    /** Every department with its branches, in the chart's order. */
    List<Department> all();

    Optional<Department> find(DepartmentCode code);

    /**
     * Who handles a department's work at a place: its branch in the district the division (or grid)
     * lies in, or empty when the department has none there (it then handles the case itself).
     */
    Optional<DepartmentBranch> branchFor(DepartmentCode department, DivisionCode division);
}

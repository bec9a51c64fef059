package org.megacity.organization.internal.web;

import java.util.List;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;
import org.megacity.organization.CentreLevel;
import org.megacity.organization.Department;
import org.megacity.organization.DepartmentBranch;
import org.megacity.organization.DepartmentCode;
import org.megacity.organization.Departments;
import org.megacity.organization.OperationCentre;
import org.megacity.organization.OperationCentres;
import org.megacity.platform.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read access to the departments and the operation and governance centres. */
@RestController
@RequestMapping("/api/v1/organization")
class OrganizationController {

    private final Departments departments;
    private final OperationCentres centres;

    OrganizationController(Departments departments, OperationCentres centres) {
        this.departments = departments;
        this.centres = centres;
    }

    /** A department as listed: without its branches, with how many it has. */
    record DepartmentSummary(String code, String name, String nameEn, String kind, int branches) {
        static DepartmentSummary of(Department d) {
            return new DepartmentSummary(d.code().value(), d.name(), d.nameEn(), d.kind().id(), d.branches().size());
        }
    }

    record BranchView(String district, String name, String nameEn) {
        static BranchView of(DepartmentBranch b) {
            return new BranchView(b.district().value(), b.name(), b.nameEn());
        }
    }

    record DepartmentView(String code, String name, String nameEn, String kind, List<BranchView> branches) {
    }

    /** Who handles a department's work in one district: its branch there, or the department itself. */
    record HandlerView(String department, String kind, String district, String name, String nameEn, boolean branch) {
    }

    record CentreView(String id, String level, String division, String name, String nameEn) {
        static CentreView of(OperationCentre c) {
            return new CentreView(c.id(), c.level().id(), c.division() == null ? null : c.division().value(), c.name(),
                    c.nameEn());
        }
    }

    /**
     * The departments; with {@code district}, who handles each department's work in that district
     * (its branch, or the department itself where it has none).
     */
    @GetMapping("/departments")
    List<?> departments(@RequestParam(required = false) String district) {
        if (district == null) {
            return departments.all().stream().map(DepartmentSummary::of).toList();
        }
        DivisionCode code = division("district", district);
        if (code.level() != DivisionLevel.DISTRICT) {
            throw Problems.invalid("district", "'" + district + "' is a " + code.level().nameEn()
                    + " code; a district has 6 digits");
        }
        return departments.all().stream().map(d -> d.branchFor(code)
                .map(b -> new HandlerView(d.code().value(), d.kind().id(), code.value(), b.name(), b.nameEn(), true))
                .orElse(new HandlerView(d.code().value(), d.kind().id(), null, d.name(), d.nameEn(), false))).toList();
    }

    @GetMapping("/departments/{code}")
    DepartmentView department(@PathVariable String code) {
        DepartmentCode parsed;
        try {
            parsed = DepartmentCode.of(code);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("code", e.getMessage());
        }
        Department d = departments.find(parsed).orElseThrow(() -> Problems.notFound("no department " + code));
        return new DepartmentView(d.code().value(), d.name(), d.nameEn(), d.kind().id(),
                d.branches().stream().map(BranchView::of).toList());
    }

    /** The centres of a level ({@code city}, {@code district}, {@code street}) within a division. */
    @GetMapping("/centres")
    List<CentreView> centres(@RequestParam(required = false) String level,
            @RequestParam(required = false) String division) {
        CentreLevel parsedLevel = null;
        if (level != null && !level.isBlank()) {
            try {
                parsedLevel = CentreLevel.parse(level);
            } catch (IllegalArgumentException e) {
                throw Problems.invalid("level", e.getMessage());
            }
        }
        DivisionCode within = division == null || division.isBlank() ? null : division("division", division);
        return centres.list(parsedLevel, within).stream().map(CentreView::of).toList();
    }

    @GetMapping("/centres/{id}")
    CentreView centre(@PathVariable String id) {
        return centres.find(id).map(CentreView::of).orElseThrow(() -> Problems.notFound("no centre " + id));
    }

    private static DivisionCode division(String field, String value) {
        try {
            return DivisionCode.of(value.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, e.getMessage());
        }
    }
}

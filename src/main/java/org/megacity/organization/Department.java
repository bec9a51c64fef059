package org.megacity.organization;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;

/**
 * A department of the city with its branches in the districts. A department without a branch in a
 * district handles that district's cases itself (the 12345 centre has no branches at all).
 *
 * @param code     its stable code
 * @param name     its Chinese name, e.g. 市水务局
 * @param nameEn   its English name, e.g. Municipal Water Bureau
 * @param kind     bureau, utility operator or service centre
 * @param branches its district branches, at most one per district, ordered by district code
 */
public record Department(DepartmentCode code, String name, String nameEn, DepartmentKind kind,
        List<DepartmentBranch> branches) {

    public Department {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        name = Objects.requireNonNull(name, "name");
        nameEn = Objects.requireNonNull(nameEn, "nameEn");
        branches = branches.stream().sorted(java.util.Comparator.comparing(DepartmentBranch::district)).toList();
        for (int i = 0; i < branches.size(); i++) {
            if (!branches.get(i).department().equals(code)) {
                throw new IllegalArgumentException("branch " + branches.get(i).name() + " belongs to "
                        + branches.get(i).department() + ", not " + code);
            }
            if (i > 0 && branches.get(i).district().equals(branches.get(i - 1).district())) {
                throw new IllegalArgumentException(code + " has two branches in district " + branches.get(i).district());
            }
        }
    }

    /** The branch serving the district a division (or grid) lies in, if the department has one there. */
    public Optional<DepartmentBranch> branchFor(DivisionCode division) {
        DivisionCode district = division.ancestorAt(DivisionLevel.DISTRICT);
        return branches.stream().filter(b -> b.district().equals(district)).findFirst();
    }
}

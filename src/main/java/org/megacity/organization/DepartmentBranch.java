package org.megacity.organization;

import java.util.Objects;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;

/**
 * A department's branch in one district (渝中区水务局, 国网渝中供电分公司 …): who handles the
 * department's cases there.
 *
 * @param department the department it belongs to
 * @param district   the district it serves (a 6-digit district code)
 * @param name       its Chinese name
 * @param nameEn     its English name
 */
public record DepartmentBranch(DepartmentCode department, DivisionCode district, String name, String nameEn) {

    public DepartmentBranch {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(district, "district");
        if (district.level() != DivisionLevel.DISTRICT) {
            throw new IllegalArgumentException("a branch of " + department + " serves a district, not the "
                    + district.level().nameEn() + " " + district);
        }
        name = Objects.requireNonNull(name, "name");
        nameEn = Objects.requireNonNull(nameEn, "nameEn");
    }
}

package org.megacity.cases;

import org.megacity.platform.Bilingual;

/** Where a case stands in its lifecycle. */
public enum CaseStatus implements Bilingual {
    REPORTED("已上报", "Reported"),
    FILED("已立案", "Filed"),
    REJECTED("不予立案", "Rejected"),
    DISPATCHED("已派遣", "Dispatched"),
    IN_PROGRESS("处置中", "In progress"),
    SUSPENDED("已挂起", "Suspended"),
    HANDLED("已处置", "Handled"),
    VERIFIED("已核查", "Verified"),
    CLOSED("已结案", "Closed"),
    EVALUATED("已评价", "Evaluated");
    private final Names names;

    CaseStatus(String nameZh, String nameEn) {
        this.names = new Names(null, nameZh, nameEn);
    }

    @Override
    public Names names() {
        return names;
    }

    /** Whether work on the case is still to be done (not rejected, closed or evaluated). */
    public boolean open() {
        return this != REJECTED && this != CLOSED && this != EVALUATED;
    }

    public static CaseStatus parse(String text) {
        return Bilingual.parse(CaseStatus.class, text, "status");
    }
}

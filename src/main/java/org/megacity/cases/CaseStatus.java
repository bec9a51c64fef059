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

    private final String nameZh;
    private final String nameEn;

    CaseStatus(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** Whether work on the case is still to be done (not rejected, closed or evaluated). */
    public boolean open() {
        return this != REJECTED && this != CLOSED && this != EVALUATED;
    }

    public static CaseStatus parse(String text) {
        return Bilingual.parse(CaseStatus.class, text, "status");
    }
}

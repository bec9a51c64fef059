package org.megacity.cases;

import java.util.Locale;

/** Where a case stands in its lifecycle. */
public enum CaseStatus {
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

    /** {@code in-progress}, as in the API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether work on the case is still to be done (not rejected, closed or evaluated). */
    public boolean open() {
        return this != REJECTED && this != CLOSED && this != EVALUATED;
    }

    public static CaseStatus parse(String text) {
        for (CaseStatus s : values()) {
            if (s.id().equals(text) || s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "'");
    }
}

package org.megacity.organization;

import java.util.Locale;

/** What kind of body a department is. */
public enum DepartmentKind {
    /** A bureau of the city government (市水务局, 市城市管理局 …). */
    GOVERNMENT_BUREAU("政府部门", "Government bureau"),
    /** A company that operates a utility network (gas, power, telecom, water supply). */
    UTILITY_OPERATOR("公用事业企业", "Utility operator"),
    /** A public service centre, e.g. the 12345 hotline centre. */
    SERVICE_CENTRE("公共服务中心", "Public service centre");

    private final String nameZh;
    private final String nameEn;

    DepartmentKind(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The lower-case, hyphenated id used in the API, e.g. {@code utility-operator}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DepartmentKind parse(String text) {
        for (DepartmentKind kind : values()) {
            if (kind.id().equals(text.trim().toLowerCase(Locale.ROOT)) || kind.name().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown department kind '" + text
                + "' (expected government-bureau, utility-operator or service-centre)");
    }
}

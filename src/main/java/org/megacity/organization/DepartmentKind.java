package org.megacity.organization;

import org.megacity.platform.Bilingual;

/** What kind of body a department is. */
public enum DepartmentKind implements Bilingual {
    /** A bureau of the city government (市水务局, 市城市管理局 …). */
    GOVERNMENT_BUREAU("政府部门", "Government bureau"),
    /** A company that operates a utility network (gas, power, telecom, water supply). */
    UTILITY_OPERATOR("公用事业企业", "Utility operator"),
    /** A public service centre, e.g. the 12345 hotline centre. */
    SERVICE_CENTRE("公共服务中心", "Public service centre");
    private final Names names;

    DepartmentKind(String nameZh, String nameEn) {
        this.names = new Names(null, nameZh, nameEn);
    }

    @Override
    public Names names() {
        return names;
    }

    public static DepartmentKind parse(String text) {
        return Bilingual.parse(DepartmentKind.class, text, "department kind");
    }
}

package org.megacity.identity;

import org.megacity.platform.Bilingual;

/**
 * The roles of the platform. The three administrators hold separate powers (三员分立, MLPS 2.0
 * level 3): the system administrator manages accounts and settings, the security administrator
 * grants roles and jurisdictions, the audit administrator alone reads and verifies the audit trail.
 * No account may hold two of them.
 *
 * <p>As Spring Security authorities the roles are {@code ROLE_<name>}, e.g. {@code ROLE_SYSTEM_ADMIN}.
 */
public enum Role implements Bilingual {
    CITIZEN("市民", "Citizen"),
    INSPECTOR("网格监督员", "Inspector"),
    HOTLINE_OPERATOR("12345话务员", "Hotline operator"),
    DEPARTMENT_HANDLER("部门处置人员", "Department handler"),
    DISPATCHER("指挥调度员", "Dispatcher"),
    SUPERVISOR("督办人员", "Supervisor"),
    LEGISLATIVE_STAFF("立法工作人员", "Legislative staff"),
    DEPUTY("人大代表", "Deputy"),
    EXPERT("立法专家", "Expert"),
    CONTACT_POINT_STAFF("基层立法联系点工作人员", "Contact-point staff"),
    SYSTEM_ADMIN("系统管理员", "System administrator"),
    SECURITY_ADMIN("安全管理员", "Security administrator"),
    AUDIT_ADMIN("审计管理员", "Audit administrator");
    private final Names names;

    Role(String nameZh, String nameEn) {
        this.names = new Names(null, nameZh, nameEn);
    }

    @Override
    public Names names() {
        return names;
    }

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether this is one of the three separated administrator roles. */
    public boolean administrator() {
        return this == SYSTEM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }
}

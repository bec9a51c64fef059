package org.megacity.assets.internal.web;

import java.util.EnumSet;
import java.util.Set;
import org.megacity.assets.AssetType;
import org.megacity.identity.Role;
import org.megacity.platform.Problems;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may read the pipe networks ({@link AssetType#sensitive()}): sensitive infrastructure data,
 * protected by class (Data Security Law), so not every account but the city's operations roles, the
 * same that read telemetry: system administrator, dispatcher, supervisor, department handler,
 * inspector. Citizens, legislative roles, the security and audit administrators and accounts
 * without a role see parks, parcels, renewal projects and components only.
 */
public final class PipeDataAccess {

    /** The roles, as a {@code @PreAuthorize} expression. */
    public static final String READERS = "hasAnyRole('SYSTEM_ADMIN','DISPATCHER','SUPERVISOR','DEPARTMENT_HANDLER','INSPECTOR')";

    static final Set<Role> ROLES = EnumSet.of(Role.SYSTEM_ADMIN, Role.DISPATCHER, Role.SUPERVISOR, Role.DEPARTMENT_HANDLER,
            Role.INSPECTOR);

    private PipeDataAccess() {
    }

    /** Whether the current caller may read the sensitive layers. */
    public static boolean mayRead() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority a : auth.getAuthorities()) {
            for (Role r : ROLES) {
                if (r.authority().equals(a.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The type, or 403 when it is sensitive and the caller may not read it. */
    static AssetType checked(AssetType type) {
        if (type.sensitive() && !mayRead()) {
            throw Problems.forbidden("the " + type.id() + " layer is sensitive infrastructure data, for the roles "
                    + ROLES + " only");
        }
        return type;
    }
}

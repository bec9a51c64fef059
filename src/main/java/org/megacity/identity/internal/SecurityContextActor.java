package org.megacity.identity.internal;

import java.util.EnumSet;
import java.util.Set;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.Jurisdiction;
import org.megacity.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Interim: roles from the security context, citywide jurisdiction. Replaced by the identity work. */
@Component
class SecurityContextActor implements CurrentActor {

    @Override
    public Actor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Actor.SYSTEM;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : auth.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return new Actor(auth.getName(), auth.getName(), roles, Jurisdiction.CITYWIDE);
    }
}

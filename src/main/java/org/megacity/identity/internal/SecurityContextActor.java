package org.megacity.identity.internal;

import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The actor of the current request: the signed-in account (session, HTTP Basic or bearer token)
 * with its roles and jurisdiction as stored now; {@link Actor#ANONYMOUS} in a request nobody signed
 * in to; {@link Actor#SYSTEM} outside requests. The actor is also kept as a request attribute, so
 * filters that run around security (the audit trail's) still see it once the security context has
 * been cleared.
 */
@Component
class SecurityContextActor implements CurrentActor {

    static final String ACTOR_ATTRIBUTE = SecurityContextActor.class.getName() + ".actor";

    @Override
    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof AccountAuthentication account) {
            return account.actor();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return Actor.SYSTEM;
        }
        return request.getAttribute(ACTOR_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Actor actor
                ? actor : Actor.ANONYMOUS;
    }
}

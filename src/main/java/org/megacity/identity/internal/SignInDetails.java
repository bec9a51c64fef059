package org.megacity.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/** How and from where credentials were presented, for the lockout's audit records. */
record SignInDetails(String method, String source) implements Serializable {

    static SignInDetails of(String method, HttpServletRequest request) {
        return new SignInDetails(method, request.getRemoteAddr());
    }
}

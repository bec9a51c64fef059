package org.megacity.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after authentication on every request: brings a session's account up to date (ending the
 * session of a disabled account or one whose password changed), publishes the actor for the rest
 * of the request ({@link SecurityContextActor}, the audit trail), and holds an account that must
 * change its password to that one action: API calls get 403 {@code password-change-required}
 * except {@code POST /api/v1/auth/password}; pages redirect to {@code /account/password}.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD_PAGE = "/account/password";
    static final String CHANGE_PASSWORD_API = "/api/v1/auth/password";

    /** Paths a page session with a password to change may still reach. */
    private static final List<String> OPEN_WHILE_CHANGE_REQUIRED = List.of(CHANGE_PASSWORD_PAGE, "/logout", "/login",
            "/error", "/favicon.ico");
    private static final List<String> OPEN_PREFIXES_WHILE_CHANGE_REQUIRED = List.of("/css/", "/js/", "/img/",
            "/webjars/");

    private final SignedInAccounts signedIn;
    private final boolean api;

    CurrentAccountFilter(SignedInAccounts signedIn, boolean api) {
        this.signedIn = signedIn;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof AccountAuthentication account) {
            if (account.method() == AccountAuthentication.Method.FORM) {
                Optional<AccountAuthentication> current = signedIn.refresh(account);
                if (current.isEmpty()) {
                    endSession(request);
                    chain.doFilter(request, response);
                    return;
                }
                account = current.get();
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(account);
                SecurityContextHolder.setContext(context);
            }
            request.setAttribute(SecurityContextActor.ACTOR_ATTRIBUTE, account.actor());
            if (account.passwordChangeRequired() && !openWhileChangeRequired(request)) {
                if (api) {
                    ProblemResponses.passwordChangeRequired(request, response);
                } else {
                    response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PAGE);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean openWhileChangeRequired(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (api) {
            return path.equals(CHANGE_PASSWORD_API) && "POST".equals(request.getMethod());
        }
        return OPEN_WHILE_CHANGE_REQUIRED.contains(path)
                || OPEN_PREFIXES_WHILE_CHANGE_REQUIRED.stream().anyMatch(path::startsWith);
    }

    private static void endSession(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}

package org.megacity.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on API calls: a valid personal access token signs the
 * request in (for this request only); an invalid one is answered 401 at once.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "bearer ";

    private final AccessTokens tokens;
    private final SignedInAccounts signedIn;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(AccessTokens tokens, SignedInAccounts signedIn, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.signedIn = signedIn;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(SCHEME.length()).trim();
        switch (tokens.present(token, request.getRemoteAddr())) {
            case AccessTokens.Presented.Valid valid -> {
                AccountAuthentication authentication = signedIn.authentication(valid.account(),
                        AccountAuthentication.Method.BEARER);
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
                chain.doFilter(request, response);
            }
            case AccessTokens.Presented.Invalid invalid -> {
                SecurityContextHolder.clearContext();
                entryPoint.commence(request, response,
                        new BadCredentialsException("the bearer token is unknown, expired or revoked"));
            }
        }
    }
}

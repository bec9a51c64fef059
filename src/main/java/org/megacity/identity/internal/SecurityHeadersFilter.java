package org.megacity.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Content Security Policy and the other headers Spring Security does not write by default, on
 * every response (pages, API, static files, errors). Spring Security adds
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, {@code Cache-Control}
 * and, on requests that arrived over HTTPS (directly or, with {@code server.forward-headers-strategy},
 * through a trusted proxy's {@code X-Forwarded-Proto}), {@code Strict-Transport-Security}.
 *
 * <p>The policy allows scripts only from the platform itself and inline scripts carrying this
 * response's nonce (the request attribute {@value #NONCE}, which templates put on their few inline
 * scripts as {@code th:nonce="${cspNonce}"}); no inline event handlers, no eval, no plugins, no
 * framing, forms post only to the platform. Styles allow {@code 'unsafe-inline'}: the charts and
 * the map library set style attributes, and injected CSS cannot run code; images allow
 * {@code data:} and {@code blob:} (map markers, chart exports).
 */
final class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String NONCE = "cspNonce";
    static final String POLICY = "default-src 'self'; script-src 'self' 'nonce-%s'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE, nonce);
        response.setHeader("Content-Security-Policy", POLICY.formatted(nonce));
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), payment=(), usb=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}

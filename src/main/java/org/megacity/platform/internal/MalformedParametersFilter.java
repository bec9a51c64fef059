package org.megacity.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400 a request whose parameters (query string, or form body) cannot be read (a
 * malformed percent-escape, bytes that are not UTF-8, a name without a value) or hold NUL (U+0000,
 * which PostgreSQL refuses in any string, so it failed whatever query it reached). Tomcat reports the
 * former lazily, as an exception from the first {@code getParameter} call, which would otherwise surface
 * as a 500 from wherever that call happens (a security filter, an interceptor, a controller). Runs
 * before security and the audit filter: such a request reaches nothing.
 */
@Component
class MalformedParametersFilter extends OncePerRequestFilter implements Ordered {

    static final String PROBLEM = "{\"type\":\"urn:megacity:problem:invalid-input\",\"title\":\"Invalid input\","
            + "\"status\":400,\"detail\":\"the request's parameters cannot be read: a malformed percent-escape, "
            + "bytes that are not UTF-8, or a parameter without a name\"}";

    static final String NUL = "{\"type\":\"urn:megacity:problem:invalid-input\",\"title\":\"Invalid input\","
            + "\"status\":400,\"detail\":\"a parameter holds the character NUL (U+0000), which no text may hold\"}";

    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filters)
            throws ServletException, IOException {
        String type = request.getContentType();
        try {
            if ((type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"))
                    && holdsNul(request.getParameterMap())) {
                refuse(response, NUL);
                return;
            }
        } catch (IllegalStateException e) {
            refuse(response, PROBLEM);
            return;
        }
        filters.doFilter(request, response);
    }

    /** NUL is text in no parameter, and PostgreSQL refuses it in any string: a 500 wherever one reached a query. */
    private static boolean holdsNul(java.util.Map<String, String[]> parameters) {
        for (var p : parameters.entrySet()) {
            if (p.getKey().indexOf('\u0000') >= 0) {
                return true;
            }
            for (String v : p.getValue()) {
                if (v != null && v.indexOf('\u0000') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void refuse(HttpServletResponse response, String problem) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(problem.getBytes(StandardCharsets.UTF_8));
    }
}

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
 * Refuses with 400 a request whose parameters (query string, or form body) cannot be read: a
 * malformed percent-escape, bytes that are not UTF-8, a name without a value. Tomcat reports these
 * lazily, as an exception from the first {@code getParameter} call, which would otherwise surface
 * as a 500 from wherever that call happens (a security filter, an interceptor, a controller). Runs
 * before security and the audit filter: such a request reaches nothing.
 */
@Component
class MalformedParametersFilter extends OncePerRequestFilter implements Ordered {

    static final String PROBLEM = "{\"type\":\"urn:megacity:problem:invalid-input\",\"title\":\"Invalid input\","
            + "\"status\":400,\"detail\":\"the request's parameters cannot be read: a malformed percent-escape, "
            + "bytes that are not UTF-8, or a parameter without a name\"}";

    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filters)
            throws ServletException, IOException {
        String type = request.getContentType();
        try {
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
                request.getParameterMap();
            }
        } catch (IllegalStateException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/problem+json");
            response.getOutputStream().write(PROBLEM.getBytes(StandardCharsets.UTF_8));
            return;
        }
        filters.doFilter(request, response);
    }
}

package org.megacity.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.megacity.platform.DatabaseOutage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answers when security stops a request before it reaches a controller: 401 and 403
 * as {@code application/problem+json} (RFC 9457), never a login page or a redirect; 503 when the
 * credentials could not be checked because the database is unreachable.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseOutage.causedBy(e)) {
            // the credentials could not be checked, not refused
            DatabaseOutage.answer(request, response);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"megacity\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                request.getHeader(HttpHeaders.AUTHORIZATION) == null
                        ? "sign in, or send a personal access token (Authorization: Bearer) or HTTP Basic credentials"
                        : "the credentials were refused: " + e.getMessage());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(request, response, HttpStatus.FORBIDDEN, "csrf", "CSRF token missing or invalid",
                    "a request authenticated by the session cookie must carry the X-XSRF-TOKEN header "
                            + "(the value of the XSRF-TOKEN cookie)");
        } else {
            write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "your roles do not allow this action");
        }
    }

    /** 403 for an account that must change its password before anything else. */
    static void passwordChangeRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "password-change-required", "Password change required",
                "this account must change its password first: POST /api/v1/auth/password"
                        + " {username, oldPassword, newPassword}");
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:megacity:problem:" + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
        response.getWriter().flush();
    }
}

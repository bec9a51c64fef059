package org.megacity.platform;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * API errors as RFC 9457 problem details. Throw what these return from a controller or a service
 * called by one; the response is {@code application/problem+json} with a {@code type}, a
 * {@code title}, a {@code detail}, and for invalid input an {@code errors} list naming each field.
 */
public final class Problems {

    /** One thing wrong with the input: the field (a JSON pointer-like path or a feature id) and why. */
    public record Violation(String field, String message) {
    }

    private Problems() {
    }

    public static ErrorResponseException invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    /** 400 Bad Request naming every violation; the detail repeats the first ones. */
    public static ErrorResponseException invalid(List<Violation> violations) {
        String detail = violations.stream().limit(3).map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid input");
        if (violations.size() > 3) {
            detail += " (and " + (violations.size() - 3) + " more)";
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    public static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /**
     * 503 with {@code Retry-After}: the service cannot answer now (still loading, a dependency down)
     * and the same request may succeed later.
     */
    public static ErrorResponseException unavailable(String detail, Duration retryAfter) {
        ErrorResponseException e = of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail);
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return e;
    }

    public static ErrorResponseException of(HttpStatus status, String type, String title, String detail) {
        return new ErrorResponseException(status, problem(status, type, title, detail), null);
    }

    /** A problem detail with a {@code urn:megacity:problem:<type>} type. */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:megacity:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}

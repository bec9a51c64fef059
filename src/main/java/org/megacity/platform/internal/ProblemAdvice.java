package org.megacity.platform.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.megacity.platform.DatabaseOutage;
import org.megacity.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every error of the API into {@code application/problem+json} (RFC 9457). */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.Violation> violations = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new Problems.Violation(e.getField(), e.getDefaultMessage())).toList();
        return problem(Problems.invalid(violations).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.Violation> violations = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> new Problems.Violation(
                        r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList();
        return problem(Problems.invalid(violations).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getMostSpecificCause().getMessage();
        if (detail != null && detail.length() > 300) {
            detail = detail.substring(0, 300) + "…";
        }
        return problem(Problems.invalid("body", "unreadable request body: " + detail).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Upload too large",
                "the upload exceeds the limit of " + ex.getMaxUploadSize() + " bytes; nothing was stored"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex) {
        return problem(Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "your roles do not allow this action"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex) {
        return problem(Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "sign in or send a valid bearer token"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException ex) {
        return problem(Problems.invalid("request", ex.getMessage()).getBody());
    }

    /** A parameter name the firewall refuses (it checks names lazily, when a controller lists them). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException ex) {
        return problem(Problems.invalid("request", "the request was rejected: a parameter name or value holds "
                + "characters that are not allowed").getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        if (DatabaseOutage.causedBy(ex)) {
            OutageLog.note(log, "a request", ex);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(DatabaseOutage.problem());
        }
        String incident = UUID.randomUUID().toString();
        log.error("unexpected error, incident {}", incident, ex);
        ProblemDetail problem = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request failed; quote incident " + incident + " to the operators");
        problem.setProperty("incident", incident);
        return problem(problem);
    }

    private static ResponseEntity<Object> problem(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

}

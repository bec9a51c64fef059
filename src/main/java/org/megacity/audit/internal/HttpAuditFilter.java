package org.megacity.audit.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records every write that arrives over HTTP (every method but GET, HEAD, OPTIONS and TRACE),
 * including those refused with 401, 403 or another error: actor and roles, {@code METHOD path},
 * the ids in the path as the object, the status code as the result, and the client's address.
 *
 * <p>It runs just outside Spring Security, so it sees requests security refuses. The response
 * is held back until the record is written (its body is buffered: writes answer with small
 * bodies), so a client never sees the result of a write that left no record. Sign-in and
 * sign-out ({@code POST /login}, {@code POST /logout}) are recorded by their own events instead.
 *
 * <p>Records go through the chain's group commit ({@link AuditChain#appendCommitted}): concurrent
 * writes share one append transaction, and each response is released only after the transaction
 * holding its record has committed.
 */
@Component
class HttpAuditFilter extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(HttpAuditFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> RECORDED_AS_EVENTS = Set.of("/login", "/logout");

    private final AuditChain chain;
    private final CurrentActor currentActor;

    HttpAuditFilter(AuditChain chain, CurrentActor currentActor) {
        this.chain = chain;
        this.currentActor = currentActor;
    }

    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filters)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (READS.contains(request.getMethod()) || RECORDED_AS_EVENTS.contains(path)) {
            filters.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        int status = 500;
        try {
            filters.doFilter(request, buffered);
            status = buffered.getStatus();
        } catch (ServletException | IOException | RuntimeException e) {
            if (org.megacity.platform.DatabaseOutage.causedBy(e)) {
                status = 503; // what the platform answers for it
            }
            throw e;
        } finally {
            record(request, path, status);
            buffered.copyBodyToResponse();
        }
    }

    private void record(HttpServletRequest request, String path, int status) {
        Actor actor = currentActor.get();
        try {
            chain.appendCommitted(new AuditChain.Entry(actor.username(), AuditChain.roles(actor),
                    request.getMethod() + " " + path, object(request), Integer.toString(status),
                    AuditChain.source(request)));
        } catch (RuntimeException e) {
            if (org.megacity.platform.DatabaseOutage.causedBy(e) && status == 503) {
                // refused for the same outage: nothing was written, and no stack trace per request
                log.error("AUDIT FAILURE: database unavailable, no record of the refused {} {} by {}", request.getMethod(),
                        path, actor.username());
                return;
            }
            // the write itself is done and cannot be undone here: answer it, and alarm loudly
            log.error("AUDIT FAILURE: could not append the record of {} {} ({}) by {}", request.getMethod(), path,
                    status, actor.username(), e);
        }
    }

    /** The path's variables as matched by the controller ({@code id=...}), or empty. */
    private static String object(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && !variables.isEmpty()) {
            return new TreeMap<>(variables).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
        }
        return "";
    }
}

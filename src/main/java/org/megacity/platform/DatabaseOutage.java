package org.megacity.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database cannot be reached (stopped, restarting, the network to it cut or silent), or cannot
 * give this request a connection in time (every connection busy under overload): what the platform
 * answers instead of an internal error or an ever longer wait. Every HTTP request that fails for this reason is
 * answered {@code 503 Service Unavailable} with {@code Retry-After} and a problem detail of type
 * {@code urn:megacity:problem:database-unavailable}. A request that began while the database
 * was away committed nothing (a transaction that cannot reach its database cannot commit); one whose
 * commit was under way when the connection broke may have committed without its answer (the
 * classic unknown outcome of a lost commit acknowledgement), so a client that retries a create
 * should look first for what it sent. Requests wait at most the pool's
 * connection timeout for a connection and, on PostgreSQL, the socket timeout for an answer
 * ({@code spring.datasource.hikari.connection-timeout}, {@code megacity.database.socket-timeout}).
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 10;

    public static final String TYPE = "database-unavailable";

    /** What HikariCP says when a connection it has closed (found broken) is used again. */
    private static final String HIKARI_CLOSED = "Connection is closed";

    private static final String DETAIL = "the database could not serve this request in time (unreachable, or "
            + "every connection busy); the request was not completed. Try again in " + RETRY_AFTER_SECONDS + " seconds";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DatabaseOutage() {
    }

    /**
     * Whether {@code failure} or one of its causes says the database could not be reached: no
     * connection within the pool's timeout, a refused or broken connection, a socket timeout, or
     * the server shutting down (SQLSTATE classes 08 and 57P).
     */
    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof TransactionSystemException tse && tse.getOriginalException() != null) {
                // a rollback that failed after the statement failed: the statement's failure says why
                todo.add(tse.getOriginalException());
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage())) {
                // the pool closed a connection it found broken (SQLSTATE 08) under a transaction
                // that then tried to roll back: the commit's own failure is not kept by Spring
                return true;
            }
        }
        return false;
    }

    /** The problem detail of a request refused because the database cannot be reached. */
    public static org.springframework.http.ProblemDetail problem() {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, TYPE, "Database unavailable", DETAIL);
    }

    /**
     * Writes the 503 answer (problem+json, {@code Retry-After}) into a response not yet committed;
     * for use where no controller advice applies (servlet filters, security entry points).
     */
    public static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "urn:megacity:problem:" + TYPE);
        body.put("title", "Database unavailable");
        body.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        body.put("detail", DETAIL);
        body.put("instance", request.getRequestURI());
        response.getWriter().write(JSON.writeValueAsString(body));
        response.flushBuffer();
    }
}

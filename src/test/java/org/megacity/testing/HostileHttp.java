package org.megacity.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends hostile requests to the running test server over real HTTP (so Tomcat's own parsing is
 * exercised too) and keeps what went wrong: every 5xx and every broken promise, a few examples of
 * each, listed together at the end by {@link #assertNothingFound()} rather than stopping at the first.
 */
public final class HostileHttp {

    /**
     * An answer: the status and the body as UTF-8. Status 0: the server closed the connection on a
     * request line over its limit before the request was written (Tomcat's documented refusal; not a
     * finding); negative: no answer at all (a finding).
     */
    public record Response(int status, String body) {
    }

    private final HttpClient client;
    private final String base;
    private final Map<String, List<String>> findings = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();

    public HostileHttp(int port) {
        this(port, false);
    }

    /** With {@code session}, cookies are kept (a browser's session, for pages with forms and CSRF tokens). */
    public HostileHttp(int port, boolean session) {
        this.base = "http://127.0.0.1:" + port;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (session) {
            builder.cookieHandler(new java.net.CookieManager());
        }
        this.client = builder.build();
    }

    public Response get(String family, String pathAndQuery, String... headers) {
        return send(family, "GET", pathAndQuery, null, new byte[0], headers);
    }

    public Response post(String family, String pathAndQuery, String contentType, byte[] body, String... headers) {
        return send(family, "POST", pathAndQuery, contentType, body, headers);
    }

    /** Sends one request; a 5xx or a broken connection is kept as a finding under {@code family}. */
    public Response send(String family, String method, String pathAndQuery, String contentType, byte[] body,
            String... headers) {
        Response response = attempt(method, pathAndQuery, contentType, body, headers);
        record(family, method, pathAndQuery, body, response);
        return response;
    }

    private Response attempt(String method, String pathAndQuery, String contentType, byte[] body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body.length == 0 && method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            Response response = exchange(request.build());
            if (response.status() < 0 && pathAndQuery.length() > SERVER_HEADER_LIMIT) {
                // Tomcat answers a request line over its 8 KB limit with 400 and closes the connection while the
                // client may still be sending the body (a broken pipe): ask again without the body to read that answer
                return raw(method, pathAndQuery, contentType, new byte[0], headers);
            }
            return response;
        } catch (IllegalArgumentException e) {
            // a target java.net.URI refuses (a bare '%', '%zz'): sent as written, over a plain socket
            return raw(method, pathAndQuery, contentType, body, headers);
        }
    }

    private void record(String family, String method, String pathAndQuery, byte[] body, Response response) {
        statuses.computeIfAbsent(family, f -> new TreeMap<>()).merge(response.status(), 1, Integer::sum);
        if (response.status() >= 500 || response.status() < 0) {
            found(family + ": " + method + " " + pathAndQuery.replaceAll("\\?.*", "") + " answered " + response.status(),
                    () -> "request " + abbreviate(pathAndQuery, 300) + " body " + abbreviate(
                            new String(body, StandardCharsets.UTF_8), 400) + "\n        answer " + abbreviate(response.body(), 400));
        }
    }

    /** Tomcat's default limit on the request line and headers together (server.max-http-request-header-size). */
    static final int SERVER_HEADER_LIMIT = 8 * 1024;

    private Response raw(String method, String target, String contentType, byte[] body, String... headers) {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            var out = socket.getOutputStream();
            try {
                out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.flush();
            } catch (IOException closed) {
                // the server may have answered (400) and closed before the whole request was written
                if (target.length() > SERVER_HEADER_LIMIT) {
                    return new Response(0, "the server closed the connection on a request line over its "
                            + SERVER_HEADER_LIMIT + "-byte limit");
                }
                throw closed;
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            java.util.regex.Matcher status = java.util.regex.Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(answer);
            return status.find() ? new Response(Integer.parseInt(status.group(1)), answer.substring(answer.indexOf("\r\n\r\n") + 4))
                    : new Response(-1, "no status line: " + abbreviate(answer, 200));
        } catch (IOException e) {
            return new Response(-1, "connection failed: " + e);
        }
    }

    private Response exchange(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Response(-1, "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Keeps a finding: at most three examples of each kind. */
    public void found(String kind, Supplier<String> example) {
        List<String> examples = findings.computeIfAbsent(kind, k -> new ArrayList<>());
        if (examples.size() < 3) {
            examples.add(example.get());
        } else if (examples.size() == 3) {
            examples.add("…");
        }
    }

    /** Checks that {@code actual} equals {@code expected}, keeping a finding otherwise. */
    public void expect(String kind, Object expected, Object actual, Supplier<String> example) {
        if (!java.util.Objects.equals(expected, actual)) {
            found(kind, () -> "expected " + expected + ", was " + actual + ": " + example.get());
        }
    }

    /** The answers each family got, by status (printed for the record; helps to see the generators reach both sides). */
    public Map<String, Map<Integer, Integer>> statuses() {
        return statuses;
    }

    public int count(String family, int status) {
        return statuses.getOrDefault(family, Map.of()).getOrDefault(status, 0);
    }

    public int answered(String family, java.util.function.IntPredicate status) {
        return statuses.getOrDefault(family, Map.of()).entrySet().stream().filter(e -> status.test(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
    }

    public void assertNothingFound() {
        System.out.println("hostile input: answers by status " + statuses);
        StringBuilder report = new StringBuilder();
        findings.forEach((kind, examples) -> {
            report.append("\n- ").append(kind);
            examples.forEach(e -> report.append("\n    ").append(e));
        });
        assertThat(findings).as("hostile input findings:%s", report).isEmpty();
    }

    /** Rows in each table, to show that a refused request wrote nothing. */
    public static Map<String, Long> rows(JdbcClient jdbc, String... tables) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return rows;
    }

    public static String abbreviate(String s, int max) {
        String printable = s.replace("\n", "\\n").replace("\r", "\\r").replace("\u0000", "\\0");
        return printable.length() <= max ? printable : printable.substring(0, max) + "…(" + s.length() + " chars)";
    }
}

package org.megacity.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses, before authentication and before anything reads the body, what no legitimate client
 * sends: a write whose body is larger than {@link EdgeSettings#maxBody()} (413), and more sign-in
 * attempts or public writes from one client address than the rates allow (429 with
 * {@code Retry-After}). Both answers are {@code application/problem+json}.
 *
 * <p>The client address is the request's remote address: the proxy's unless the server trusts the
 * proxy's {@code X-Forwarded-For} ({@code server.forward-headers-strategy=native}, trusted proxies
 * {@code server.tomcat.remoteip.internal-proxies}).
 *
 * <p>These refusals are not written to the audit trail (an append per flooded request would let a
 * flood fill the trail and load the database); they are counted by the metric
 * {@code megacity.edge.refused} with the reason.
 */
final class EdgeProtectionFilter extends OncePerRequestFilter {

    /** Paths that check a password (or ask for one): the form login and the password and token APIs. */
    static final List<String> SIGN_IN = List.of("/login", CurrentAccountFilter.CHANGE_PASSWORD_PAGE,
            CurrentAccountFilter.CHANGE_PASSWORD_API, "/api/v1/auth/tokens");


    private final EdgeSettings settings;
    private final List<PathPattern> bulk;
    private final List<PathPattern> signIn;
    private final List<PathPattern> publicWrites;
    private final TokenBuckets signInBuckets;
    private final TokenBuckets publicBuckets;
    private final Consumer<String> refused;

    EdgeProtectionFilter(EdgeSettings settings, List<String> publicWritePaths, Consumer<String> refused) {
        this.settings = settings;
        this.bulk = parse(settings.bulkPaths());
        this.signIn = parse(SIGN_IN);
        this.publicWrites = parse(publicWritePaths);
        long window = settings.rateWindow().toNanos();
        this.signInBuckets = new TokenBuckets(settings.signInRate(), window, settings.maxAddresses(), System::nanoTime);
        this.publicBuckets = new TokenBuckets(settings.publicWriteRate(), window, settings.maxAddresses(), System::nanoTime);
        this.refused = refused;
    }

    private static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    private static boolean matches(List<PathPattern> patterns, org.springframework.http.server.PathContainer container) {
        if (container == null) {
            return false;
        }
        for (PathPattern p : patterns) {
            if (p.matches(container)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The path as Spring MVC matches it: parsed from the raw URI, each segment decoded once. Null for
     * a path that cannot be decoded ({@code %25%} …): no handler can match it either, so nothing is
     * written, and the request is refused further on. (Decoding the already decoded path a second
     * time made {@code /a%25%25/b} a 500 here.)
     */
    private static org.springframework.http.server.PathContainer pathWithinApplication(HttpServletRequest request) {
        try {
            return org.springframework.http.server.RequestPath.parse(request.getRequestURI(), request.getContextPath())
                    .pathWithinApplication();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean write(String method) {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!write(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        org.springframework.http.server.PathContainer path = pathWithinApplication(request);
        TokenBuckets buckets = matches(signIn, path) ? signInBuckets : matches(publicWrites, path) ? publicBuckets : null;
        if (buckets != null) {
            long wait = buckets.take(request.getRemoteAddr());
            if (wait > 0) {
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L));
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                problem(response, 429, "rate-limited", "Too many requests", "too many "
                        + (buckets == signInBuckets ? "sign-in attempts" : "submissions") + " from your address; try again in "
                        + seconds + " s");
                refused.accept(buckets == signInBuckets ? "sign-in-rate" : "public-write-rate");
                return;
            }
        }
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
        if (multipart) {
            chain.doFilter(request, response);
            return;
        }
        boolean isBulk = matches(bulk, path);
        long limit = (isBulk ? settings.maxBulkBody() : settings.maxBody()).toBytes();
        long length = request.getContentLengthLong();
        if (length > limit) {
            tooLarge(response, limit);
            return;
        }
        boolean form = type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
        if (length < 0 && !isBulk && !form && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            // a body of unknown length: read it up to the limit before anyone else does (a form's
            // parameters are parsed by the server from its own stream, within server.tomcat.max-http-form-post-size)
            byte[] body = readAtMost(request.getInputStream(), limit + 1);
            if (body.length > limit) {
                tooLarge(response, limit);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setHeader(HttpHeaders.CONNECTION, "close");
        problem(response, 413, "payload-too-large", "Payload too large",
                "the request body exceeds " + limit + " bytes (megacity.protection.max-body)");
        refused.accept("body-size");
    }

    static void problem(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String json = "{\"type\":\"urn:megacity:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while (out.size() < max && (n = in.read(chunk, 0, (int) Math.min(chunk.length, max - out.size()))) > 0) {
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /** A request whose body was read by the filter and is served again from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8
                            : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}

package org.megacity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.megacity.testing.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * What a hostile or careless client meets before authentication, over real HTTP: security headers
 * on pages and API answers (HSTS only when a trusted proxy says the client used HTTPS), 413 for an
 * oversized body whether its length is declared or not, and 429 with Retry-After for too many
 * sign-in attempts or public submissions from one address, while another address is unaffected.
 * Addresses are told apart by {@code X-Forwarded-For}, which the server trusts from 127.0.0.1
 * ({@code server.forward-headers-strategy=native}). The window is an hour, so nothing refills while
 * the test runs.
 */
@IntegrationTest
@DirtiesContext
@TestPropertySource(properties = {"megacity.protection.sign-in-rate=3", "megacity.protection.public-write-rate=4",
        "megacity.protection.rate-window=1h", "megacity.protection.max-body=64KB"})
class EdgeProtectionIT {

    static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() throws Exception {
        for (String path : List.of("/report", "/login", "/api/v1/auth/me", "/v3/api-docs")) {
            HttpResponse<String> r = send(to(path));
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                    "form-action 'self'", "base-uri 'self'").containsPattern("script-src 'self' 'nonce-[^']+'")
                    .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
            assertThat(r.headers().firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
        }
    }

    @Test
    void theInlineScriptsOfAPageCarryThatResponsesNonce() throws Exception {
        HttpResponse<String> first = send(to("/report"));
        HttpResponse<String> second = send(to("/report"));
        Matcher m = NONCE.matcher(first.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertThat(m.find()).isTrue();
        String nonce = m.group(1);
        assertThat(first.body()).contains("<script nonce=\"" + nonce + "\">");
        assertThat(second.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain(nonce);
        // every inline script carries it, and no element has an inline event handler
        Matcher scripts = Pattern.compile("<script(?![^>]*\\ssrc=)([^>]*)>").matcher(first.body());
        while (scripts.find()) {
            assertThat(scripts.group(1)).contains("nonce=\"" + nonce + "\"");
        }
        assertThat(first.body()).doesNotContainPattern("\\son(click|change|load|submit|input)=");
    }

    @Test
    void behindATlsProxyTheBrowserIsToldToStayOnHttps() throws Exception {
        HttpResponse<String> r = send(to("/login").header("X-Forwarded-Proto", "https"));
        assertThat(r.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                v -> assertThat(v).contains("max-age=31536000"));
    }

    @Test
    void aWriteToAPathWithAnEncodedPercentIsNotAnInternalError() throws Exception {
        // found by HostileGeoInputIT: the edge filter decoded the decoded path again ("%25%25" -> "%%")
        for (String path : List.of("/api/v1/geo/divisions/%25%25/grids", "/open311/v2/requests%25.json")) {
            HttpResponse<String> r = send(to(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(r.statusCode()).as(path).isBetween(400, 499);
        }
    }

    @Test
    void anOversizedJsonBodyIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        String big = "{\"description\": \"" + "漏".repeat(30_000) + "\"}";
        HttpResponse<String> declared = send(to("/api/v1/cases").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big)));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat((String) JsonPath.read(declared.body(), "$.type")).isEqualTo("urn:megacity:problem:payload-too-large");
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = send(to("/api/v1/participation/consultations/1/opinions")
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.99")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        // a small body goes on to authentication
        HttpResponse<String> small = send(to("/api/v1/cases").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(small.statusCode()).isEqualTo(401);
    }

    @Test
    void signInAttemptsFromOneAddressAreLimited() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = send(to("/api/v1/auth/password").header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "203.0.113.7")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"nobody\",\"oldPassword\":\"x\","
                            + "\"newPassword\":\"Correct-Horse-42-battery\"}")));
            statuses.add(last.statusCode());
        }
        assertThat(statuses.subList(0, 3)).doesNotContain(429);
        assertThat(statuses.subList(3, 5)).containsOnly(429);
        assertThat((String) JsonPath.read(last.body(), "$.type")).isEqualTo("urn:megacity:problem:rate-limited");
        assertThat(last.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        // three per hour: the next token comes in 20 minutes
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 1200L);
        // the form login shares the budget; another address has its own
        HttpResponse<String> form = send(to("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "203.0.113.7").POST(HttpRequest.BodyPublishers.ofString("username=a&password=b")));
        assertThat(form.statusCode()).isEqualTo(429);
        HttpResponse<String> other = send(to("/api/v1/auth/password").header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.8").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(other.statusCode()).isNotEqualTo(429);
    }

    @Test
    void publicSubmissionsFromOneAddressAreLimitedAcrossOpen311OpinionsAndTheReportForm() throws Exception {
        String address = "192.0.2.44";
        List<Integer> statuses = new ArrayList<>();
        statuses.add(send(to("/open311/v2/requests.json").header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("service_code=E0501&description=x"))).statusCode());
        statuses.add(send(to("/api/v1/participation/consultations/1/opinions").header("X-Forwarded-For", address)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode());
        statuses.add(send(to("/api/v1/participation/opinion-lookup").header("X-Forwarded-For", address)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode());
        statuses.add(send(to("/report").header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("description=x"))).statusCode());
        assertThat(statuses).doesNotContain(429);
        HttpResponse<String> fifth = send(to("/open311/v2/requests.json").header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("service_code=E0501&description=x")));
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
        assertThat((Integer) JsonPath.read(fifth.body(), "$.status")).isEqualTo(429);
        // reads are not limited
        assertThat(send(to("/open311/v2/services.json").header("X-Forwarded-For", address)).statusCode()).isEqualTo(200);
    }
}

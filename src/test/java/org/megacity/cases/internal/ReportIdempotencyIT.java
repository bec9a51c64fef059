package org.megacity.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.Geography;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A report sent again with the same idempotency key files no second case: through the API's
 * {@code Idempotency-Key} header, Open311's, and the forms' hidden key. Each test uses a description
 * of its own, so the cases it filed are counted by it.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIdempotencyIT {

    static final String API = "/api/v1/cases";

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IntakeKeys keys;
    @LocalServerPort
    int port;

    String operator;
    String otherOperator;
    String openKey;
    String otherOpenKey;
    final double[] p = TinyCity.pointInFirstGrid();

    @BeforeAll
    void setUp(@Autowired Geography geography, @Autowired Organization organization) throws Exception {
        CaseFixtures.city(geography, organization);
        CaseFixtures f = new CaseFixtures(mvc, data);
        operator = f.create("idem.operator", "HOTLINE_OPERATOR", List.of(), List.of());
        otherOperator = f.create("idem.operator2", "HOTLINE_OPERATOR", List.of(), List.of());
        openKey = f.open311Key("city app");
        otherOpenKey = f.open311Key("district app");
    }

    String call(String description, double lon) {
        return "{\"channel\": \"hotline\", \"category\": \"E0501\", \"hotlineType\": \"complaint\", \"description\": \""
                + description + "\", \"lon\": " + lon + ", \"lat\": " + p[1] + ", \"reporterPhone\": \"13812341234\"}";
    }

    ResultActions report(String token, String key, String body) throws Exception {
        var request = post(API).header(HttpHeaders.AUTHORIZATION, bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    static long id(MvcResult r) throws Exception {
        return ((Number) JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();
    }

    long casesDescribed(String description) {
        return jdbc.sql("select count(*) from cases_case where description = ?").param(description).query(Long.class).single();
    }

    @Test
    void aRetriedReportAnswersWithTheCaseTheFirstFiledAndFilesNoOther() throws Exception {
        String key = UUID.randomUUID().toString();
        MvcResult first = report(operator, key, call("retried call", p[0])).andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed")).andReturn();
        long id = id(first);
        MvcResult again = report(operator, key, call("retried call", p[0])).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/cases/" + id))
                .andExpect(jsonPath("$.status").value("reported"))
                .andExpect(jsonPath("$.reporter.phone").value("13812341234")).andReturn();
        assertThat(id(again)).isEqualTo(id);
        assertThat(casesDescribed("retried call")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from cases_history where case_id = ?").param(id).query(Long.class).single())
                .as("the retry wrote no history").isEqualTo(1);
        // the key in a structured field's quotes is the same key
        assertThat(id(report(operator, "\"" + key + "\"", call("retried call", p[0])).andExpect(status().isCreated())
                .andReturn())).isEqualTo(id);
    }

    @Test
    void withoutAKeyEveryReportFilesACase() throws Exception {
        long a = id(report(operator, null, call("no key", p[0])).andExpect(status().isCreated()).andReturn());
        long b = id(report(operator, null, call("no key", p[0])).andExpect(status().isCreated()).andReturn());
        assertThat(a).isNotEqualTo(b);
        assertThat(casesDescribed("no key")).isEqualTo(2);
    }

    @Test
    void aKeyReusedForADifferentReportIs422AndFilesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        long id = id(report(operator, key, call("first report", p[0])).andExpect(status().isCreated()).andReturn());
        report(operator, key, call("another report", p[0])).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:megacity:problem:idempotency-key-reused"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("case " + id)));
        report(operator, key, call("first report", p[0] + 0.0001)).andExpect(status().isUnprocessableContent());
        assertThat(casesDescribed("another report")).isZero();
        assertThat(casesDescribed("first report")).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirAccount() throws Exception {
        String key = "shared-" + UUID.randomUUID();
        long mine = id(report(operator, key, call("two accounts", p[0])).andExpect(status().isCreated()).andReturn());
        long theirs = id(report(otherOperator, key, call("two accounts", p[0])).andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed")).andReturn());
        assertThat(theirs).isNotEqualTo(mine);
        assertThat(casesDescribed("two accounts")).isEqualTo(2);
    }

    @Test
    void aMalformedKeyIs400NamingTheHeaderAndFilesNothing() throws Exception {
        for (String bad : List.of("x".repeat(IntakeKeys.MAX_LENGTH + 1), "with space", "tab\there", "中文键", "\"\"")) {
            report(operator, bad, call("malformed key", p[0])).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        }
        assertThat(casesDescribed("malformed key")).isZero();
    }

    @Test
    void aReportRefusedTakesNoKeySoTheCorrectedReportMayUseIt() throws Exception {
        String key = UUID.randomUUID().toString();
        report(operator, key, call("refused then corrected", 100.0)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:megacity:problem:outside-city"));
        assertThat(jdbc.sql("select count(*) from cases_intake_key where intake_key = ?").param(key).query(Long.class)
                .single()).as("no key taken").isZero();
        report(operator, key, call("refused then corrected", p[0])).andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        assertThat(casesDescribed("refused then corrected")).isEqualTo(1);
    }

    @Test
    void theSameReportSentManyTimesAtOnceFilesOneCase() throws Exception {
        String key = UUID.randomUUID().toString();
        int senders = 8;
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + API))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(call("sent at once", p[0]))).build();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            Set<Long> ids = new HashSet<>();
            int created = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> r = answer.get();
                // 409 only when a use still held the key after the database's lock wait: a retry gets the case
                assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
                if (r.statusCode() == 201) {
                    created++;
                    ids.add(((Number) JsonPath.read(r.body(), "$.id")).longValue());
                }
            }
            assertThat(created).as("answered with a case").isPositive();
            assertThat(ids).as("every answer names the same case").hasSize(1);
        }
        assertThat(casesDescribed("sent at once")).isEqualTo(1);
        assertThat(id(report(operator, key, call("sent at once", p[0])).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn())).isEqualTo(
                jdbc.sql("select id from cases_case where description = 'sent at once'").query(Long.class).single());
    }

    @Test
    void open311ClientsKeepTheirKeysApart() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = open311(openKey, key, "open311 retried");
        assertThat(open311(openKey, key, "open311 retried")).isEqualTo(first);
        assertThat(casesDescribed("open311 retried")).isEqualTo(1);
        assertThat(open311(otherOpenKey, key, "open311 retried")).as("another client's key").isNotEqualTo(first);
        assertThat(casesDescribed("open311 retried")).isEqualTo(2);
        mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("Idempotency-Key", key).param("api_key", openKey).param("service_code", "E0101")
                        .param("lat", "" + p[1]).param("long", "" + p[0]).param("description", "open311 other"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].code").value(400));
        assertThat(casesDescribed("open311 other")).isZero();
    }

    private String open311(String apiKey, String key, String description) throws Exception {
        String body = mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("Idempotency-Key", key).param("api_key", apiKey).param("service_code", "E0101")
                        .param("lat", "" + p[1]).param("long", "" + p[0]).param("description", description))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$[0].service_request_id");
    }

    @Test
    void thePublicFormSentTwiceFilesOneCaseAndLeadsToItsTracking() throws Exception {
        String form = mvc.perform(get("/report")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"intakeKey\" value=\"([^\"]+)\"").matcher(form);
        assertThat(m.find()).as("the form carries a key").isTrue();
        String key = m.group(1);
        String firstTrack = submitReportForm(key);
        assertThat(firstTrack).startsWith("/track/");
        assertThat(submitReportForm(key)).isEqualTo(firstTrack);
        assertThat(casesDescribed("form sent twice")).isEqualTo(1);
        String another = mvc.perform(get("/report")).andReturn().getResponse().getContentAsString();
        assertThat(another).as("a new form, a new key").doesNotContain(key);
    }

    @Test
    void aTamperedFormKeyIsRefusedAndTheFormComesBackWithAGoodOne() throws Exception {
        String tampered = "k".repeat(IntakeKeys.MAX_LENGTH + 1);
        String page = mvc.perform(post("/report").with(csrf()).param("category", "E0101").param("description", "tampered key")
                        .param("lon", "" + p[0]).param("lat", "" + p[1]).param("intakeKey", tampered))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("intakeKey: 1 to " + IntakeKeys.MAX_LENGTH).doesNotContain(tampered);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"intakeKey\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        assertThat(IntakeKeys.checked("intakeKey", m.group(1))).isEqualTo(m.group(1));
        assertThat(casesDescribed("tampered key")).isZero();
    }

    private String submitReportForm(String key) throws Exception {
        return mvc.perform(post("/report").with(csrf()).param("category", "E0101").param("description", "form sent twice")
                        .param("lon", "" + p[0]).param("lat", "" + p[1]).param("intakeKey", key))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }

    @Test
    void keysAreKeptADayAndThenPurged() throws Exception {
        String key = UUID.randomUUID().toString();
        long id = id(report(operator, key, call("purged key", p[0])).andExpect(status().isCreated()).andReturn());
        assertThat(keys.purge(Instant.now().minus(IntakeKeys.KEPT))).as("a key of today stays").isZero();
        assertThat(id(report(operator, key, call("purged key", p[0])).andReturn())).isEqualTo(id);
        jdbc.sql("update cases_intake_key set created_at = ? where intake_key = ?")
                .params(CaseStore.ts(Instant.now().minus(IntakeKeys.KEPT).minusSeconds(60)), key).update();
        assertThat(keys.purge(Instant.now().minus(IntakeKeys.KEPT))).isEqualTo(1);
        long next = id(report(operator, key, call("purged key", p[0])).andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed")).andReturn());
        assertThat(next).as("after the purge the key files anew").isNotEqualTo(id);
    }
}

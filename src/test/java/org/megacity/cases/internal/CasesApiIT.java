package org.megacity.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.megacity.testing.TinyCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The cases API on a real database: a hotline call's whole lifecycle, routing, duplicates, 409s, 422s, escalation, KPIs. */
@org.megacity.testing.IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasesApiIT {

    static final String API = "/api/v1/cases";
    /** Wednesday 25 November 2026, 10:00 in Chongqing. */
    static final Instant WEDNESDAY = Instant.parse("2026-11-25T02:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseService service;
    @LocalServerPort
    int port;

    String operator;
    String dispatcher;
    String streetDispatcher;
    String handler;
    String gasHandler;
    String inspector;
    String supervisor;
    final double[] p = TinyCity.pointInFirstGrid();

    @BeforeAll
    void setUp(@Autowired Geography geography, @Autowired Organization organization) throws Exception {
        CaseFixtures.city(geography, organization);
        service.useClock(Clock.fixed(WEDNESDAY, ZoneOffset.UTC));
        CaseFixtures f = new CaseFixtures(mvc, data);
        operator = f.create("hotline.op", "HOTLINE_OPERATOR", List.of(), List.of());
        dispatcher = f.create("city.dispatcher", "DISPATCHER", List.of(), List.of());
        streetDispatcher = f.create("chaotianmen.dispatcher", "DISPATCHER", List.of("500103002"), List.of());
        handler = f.create("water.handler", "DEPARTMENT_HANDLER", List.of(), List.of("water-supply"));
        gasHandler = f.create("gas.handler", "DEPARTMENT_HANDLER", List.of(), List.of("gas"));
        inspector = f.create("grid.inspector", "INSPECTOR", List.of("500103001"), List.of());
        supervisor = f.create("city.supervisor", "SUPERVISOR", List.of(), List.of());
    }

    ResultActions report(String token, String body) throws Exception {
        return mvc.perform(post(API).header(HttpHeaders.AUTHORIZATION, bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    String hotlineCall(String category, double lon, double lat) {
        return "{\"channel\": \"hotline\", \"category\": \"" + category + "\", \"hotlineType\": \"complaint\", "
                + "\"description\": \"水管漏水\", \"lon\": " + lon + ", \"lat\": " + lat
                + ", \"reporterName\": \"张三丰\", \"reporterPhone\": \"13812341234\"}";
    }

    long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    ResultActions act(String token, long id, String action, String body) throws Exception {
        return mvc.perform(post(API + "/" + id + "/actions/" + action).header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(body == null ? "{}" : body));
    }

    @Test
    void aHotlineCallGoesFromIntakeToEvaluationWithItsHistory() throws Exception {
        long id = id(report(operator, hotlineCall("E0501", p[0], p[1])).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("reported"))
                .andExpect(jsonPath("$.grid").value(org.hamcrest.Matchers.startsWith("500103001001")))
                .andExpect(jsonPath("$.department").value("water-supply"))
                .andExpect(jsonPath("$.departmentUnit").value("渝中区water-supply"))
                .andExpect(jsonPath("$.centre").value("500103001"))
                .andExpect(jsonPath("$.reporter.phone").value("13812341234"))
                .andExpect(jsonPath("$.dueAt").doesNotExist()));
        // the phone is masked for a supervisor, in clear for the dispatcher
        mvc.perform(get(API + "/" + id).header(HttpHeaders.AUTHORIZATION, bearer(supervisor)))
                .andExpect(jsonPath("$.reporter.phone").value("138****1234"))
                .andExpect(jsonPath("$.reporter.name").value("张三丰"));
        mvc.perform(get(API + "/" + id).header(HttpHeaders.AUTHORIZATION, bearer(inspector)))
                .andExpect(jsonPath("$.reporter.phone").value("138****1234")).andExpect(jsonPath("$.reporter.name").value("张*丰"));
        String stored = jdbc.sql("select reporter_phone from cases_case where id = ?").param(id).query(String.class).single();
        assertThat(stored).startsWith("v1.").doesNotContain("1381234");

        act(dispatcher, id, "file", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("filed"))
                // dispatch within 30 working minutes of Wednesday 10:00
                .andExpect(jsonPath("$.dueAt").value("2026-11-25T02:30:00Z"));
        act(dispatcher, id, "dispatch", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("dispatched"))
                // pipe burst: 4 working hours, 10:00 + 2 h to lunch, + 2 h after → 15:30
                .andExpect(jsonPath("$.handleDue").value("2026-11-25T07:30:00Z"));
        act(gasHandler, id, "accept", null).andExpect(status().isNotFound());
        act(handler, id, "handle", "{\"evidence\": \"repaired\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.state").value("dispatched"))
                .andExpect(jsonPath("$.allowedActions", hasItem("accept")));
        act(handler, id, "accept", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("in-progress"));
        act(handler, id, "handle", "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("evidence"));
        act(handler, id, "handle", "{\"evidence\": \"valve replaced, photo 1\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.handledOnTime").value(true));
        act(inspector, id, "fail-verification", "{\"reason\": \"still leaking\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("in-progress"));
        act(handler, id, "handle", "{\"evidence\": \"pipe section replaced\"}").andExpect(status().isOk());
        act(inspector, id, "verify", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("verified"));
        act(dispatcher, id, "close", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("closed"));
        act(operator, id, "evaluate", "{\"satisfaction\": 9}").andExpect(status().isBadRequest());
        act(operator, id, "evaluate", "{\"satisfaction\": 5}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("evaluated"))
                .andExpect(jsonPath("$.allowedActions", not(hasItem("reopen"))));

        String history = mvc.perform(get(API + "/" + id + "/history").header(HttpHeaders.AUTHORIZATION, bearer(dispatcher)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> actions = JsonPath.read(history, "$[*].action");
        assertThat(actions).containsExactly("report", "file", "dispatch", "accept", "handle", "fail-verification", "handle",
                "verify", "close", "evaluate");
        List<String> who = JsonPath.read(history, "$[*].actorName");
        assertThat(who).containsExactly("hotline.op", "city.dispatcher", "city.dispatcher", "water.handler", "water.handler",
                "grid.inspector", "water.handler", "grid.inspector", "city.dispatcher", "hotline.op");
        assertThat(JsonPath.<String>read(history, "$[5].reason")).isEqualTo("still leaking");
    }

    @Test
    void aPointOutsideTheCityIs422AndBadInputChangesNothing() throws Exception {
        long before = count();
        report(operator, hotlineCall("E0501", 116.39, 39.9)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:megacity:problem:outside-city"));
        report(operator, hotlineCall("X9999", p[0], p[1])).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        report(operator, "{\"channel\": \"hotline\", \"category\": \"E0501\", \"lon\": " + p[0] + ", \"lat\": " + p[1] + "}")
                .andExpect(status().isBadRequest());
        report(handler, hotlineCall("E0501", p[0], p[1])).andExpect(status().isForbidden());
        report(inspector, "{\"channel\": \"inspector\", \"category\": \"E0501\", \"lon\": " + p[0] + ", \"lat\": " + p[1]
                + ", \"mediaUrl\": \"javascript:alert(1)\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mediaUrl"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aReportsMediaLinkIsKeptAndShown() throws Exception {
        long id = id(report(inspector, "{\"channel\": \"inspector\", \"category\": \"E0501\", \"lon\": " + p[0]
                + ", \"lat\": " + p[1] + ", \"mediaUrl\": \"  https://img.example.cn/leak.jpg  \"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.mediaUrl").value("https://img.example.cn/leak.jpg")));
        mvc.perform(get(API + "/" + id).header(HttpHeaders.AUTHORIZATION, bearer(supervisor)))
                .andExpect(jsonPath("$.mediaUrl").value("https://img.example.cn/leak.jpg"));
        // the link survives the case's writes
        act(dispatcher, id, "file", null).andExpect(status().isOk()).andExpect(jsonPath("$.mediaUrl").value("https://img.example.cn/leak.jpg"));
    }

    long count() {
        return jdbc.sql("select count(*) from cases_case").query(Long.class).single();
    }

    @Test
    void routingFollowsTheDistrictsOverrideAndJurisdictionLimitsWhoActs() throws Exception {
        double[] east = {TinyCity.EAST - 0.0005, TinyCity.SOUTH + 0.0004};
        long tree = id(report(inspector, "{\"category\": \"C0401\", \"lon\": " + p[0] + ", \"lat\": " + p[1] + "}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.channel").value("inspector"))
                .andExpect(jsonPath("$.department").value("city-appearance")));
        // an inspector reports only in their own grids
        report(inspector, "{\"category\": \"C0401\", \"lon\": " + east[0] + ", \"lat\": " + east[1] + "}")
                .andExpect(status().isForbidden());
        // the Chaotianmen dispatcher cannot file a case in Jiefangbei: it does not even see it
        act(streetDispatcher, tree, "file", null).andExpect(status().isNotFound());
        // a dispatcher cannot do a handler's work
        act(dispatcher, tree, "accept", null).andExpect(status().isForbidden());
        String list = mvc.perform(get(API).header(HttpHeaders.AUTHORIZATION, bearer(streetDispatcher)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(list, "$[*].id")).doesNotContain((int) tree);
        // a handler of another department does not see it
        mvc.perform(get(API + "/" + tree).header(HttpHeaders.AUTHORIZATION, bearer(gasHandler))).andExpect(status().isNotFound());
        act(dispatcher, tree, "file", null).andExpect(status().isOk());
        act(dispatcher, tree, "dispatch", "{\"department\": \"parks\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.department").value("parks"));
        mvc.perform(get(API).param("department", "parks").param("status", "dispatched")
                        .header(HttpHeaders.AUTHORIZATION, bearer(dispatcher)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem((int) tree)));
    }

    @Test
    void aDuplicateNearbyIsFlaggedAndMergedIntoTheSurvivor() throws Exception {
        double[] q = {p[0] + 0.0010, p[1] - 0.0010};
        long first = id(report(operator, hotlineCall("E0101", q[0], q[1])).andExpect(jsonPath("$.duplicateOf").doesNotExist()));
        long second = id(report(operator, hotlineCall("E0101", q[0] + 0.0002, q[1] + 0.0001))
                .andExpect(jsonPath("$.duplicateOf").value((int) first)));
        // the flag is in the report's history entry, written with the case
        mvc.perform(get(API + "/" + second + "/history").header(HttpHeaders.AUTHORIZATION, bearer(dispatcher)))
                .andExpect(jsonPath("$[0].action").value("report"))
                .andExpect(jsonPath("$[0].detail").value("channel=hotline; possible duplicate of " + first));
        mvc.perform(get(API + "/" + first + "/history").header(HttpHeaders.AUTHORIZATION, bearer(dispatcher)))
                .andExpect(jsonPath("$[0].detail").value("channel=hotline"));
        // another category at the same place is no duplicate
        report(operator, hotlineCall("E0102", q[0], q[1])).andExpect(jsonPath("$.duplicateOf").doesNotExist());
        act(dispatcher, second, "merge", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("rejected"))
                .andExpect(jsonPath("$.rejection").value("duplicate")).andExpect(jsonPath("$.mergedInto").value((int) first));
        String history = mvc.perform(get(API + "/" + first + "/history").header(HttpHeaders.AUTHORIZATION, bearer(dispatcher)))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(history, "$[*].action")).containsExactly("report", "absorb");
        // after the merge a new report there is a duplicate of the survivor
        report(operator, hotlineCall("E0101", q[0], q[1])).andExpect(jsonPath("$.duplicateOf").value((int) first));
        // 50 m is a circle, not the box around it: 40 m east and 40 m north (57 m) is none, 33 and 33 (47 m) is one
        double east = 1 / (111_195.0 * Math.cos(Math.toRadians(q[1])));
        double north = 1 / 111_195.0;
        report(operator, hotlineCall("E0101", q[0] + 40 * east, q[1] + 40 * north))
                .andExpect(jsonPath("$.duplicateOf").doesNotExist());
        report(operator, hotlineCall("E0101", q[0] + 33 * east, q[1] - 33 * north))
                .andExpect(jsonPath("$.duplicateOf").value((int) first));
    }

    @Test
    void twoSimultaneousActionsGiveOneWinnerAndOne409() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = id(report(operator, hotlineCall("E0602", p[0] + 0.0001 * round, p[1])));
            HttpClient http = HttpClient.newHttpClient();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (String action : List.of("file", "reject")) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + API + "/" + id
                                        + "/actions/" + action)).header("Authorization", "Bearer " + dispatcher)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"invalid: test\"}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                    }));
                }
                start.countDown();
                List<Integer> codes = new ArrayList<>();
                String conflict = null;
                for (Future<HttpResponse<String>> f : results) {
                    HttpResponse<String> r = f.get();
                    codes.add(r.statusCode());
                    if (r.statusCode() == 409) {
                        conflict = r.body();
                    }
                }
                assertThat(codes).containsExactlyInAnyOrder(200, 409);
                assertThat(JsonPath.<String>read(conflict, "$.state")).isIn("filed", "rejected");
                assertThat(JsonPath.<List<String>>read(conflict, "$.allowedActions")).isNotNull();
            }
            assertThat(jdbc.sql("select count(*) from cases_history where case_id = ?").param(id).query(Long.class).single())
                    .isEqualTo(2);
        }
    }

    @Test
    void aStaleVersionIs409() throws Exception {
        long id = id(report(operator, hotlineCall("E0603", p[0], p[1] - 0.0002)));
        act(dispatcher, id, "file", "{\"version\": 1}").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        act(dispatcher, id, "dispatch", "{\"version\": 1}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.allowedActions", hasItem("dispatch")));
    }

    @Test
    void aPassedDeadlineEscalatesStreetToDistrictToCity() throws Exception {
        long id = id(report(operator, hotlineCall("E0604", p[0], p[1] - 0.0003)));
        act(dispatcher, id, "file", null).andExpect(status().isOk());
        try {
            // Thursday: the 1 working hour to dispatch passed
            service.useClock(Clock.fixed(WEDNESDAY.plusSeconds(86_400), ZoneOffset.UTC));
            service.escalateOverdue();
            mvc.perform(get(API + "/" + id).header(HttpHeaders.AUTHORIZATION, bearer(dispatcher)))
                    .andExpect(jsonPath("$.level").value("district")).andExpect(jsonPath("$.centre").value("500103"))
                    .andExpect(jsonPath("$.overdue").value(true));
            mvc.perform(get(API).param("overdue", "true").header(HttpHeaders.AUTHORIZATION, bearer(dispatcher)))
                    .andExpect(jsonPath("$[*].id", hasItem((int) id)));
            service.useClock(Clock.fixed(WEDNESDAY.plusSeconds(3 * 86_400), ZoneOffset.UTC));
            service.escalateOverdue();
            mvc.perform(get(API + "/" + id).header(HttpHeaders.AUTHORIZATION, bearer(dispatcher)))
                    .andExpect(jsonPath("$.level").value("city")).andExpect(jsonPath("$.centre").value("city"));
        } finally {
            service.useClock(Clock.fixed(WEDNESDAY, ZoneOffset.UTC));
        }
    }

    @Test
    void kpisAddUpOverEveryGrouping() throws Exception {
        long id = id(report(operator, hotlineCall("E0401", p[0] + 0.002, p[1])));
        act(dispatcher, id, "file", null).andExpect(status().isOk());
        long total = jdbc.sql("select count(*) from cases_case where filed_at is not null").query(Long.class).single();
        for (String groupBy : List.of("department", "district", "category")) {
            String body = mvc.perform(get(API + "/kpis").param("groupBy", groupBy).param("from", "2026-11-01")
                            .param("to", "2026-12-01").header(HttpHeaders.AUTHORIZATION, bearer(supervisor)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<Integer> filed = JsonPath.read(body, "$.rows[*].filed");
            assertThat(filed.stream().mapToLong(Integer::longValue).sum()).isEqualTo(total)
                    .isEqualTo(((Number) JsonPath.read(body, "$.filed")).longValue());
        }
        mvc.perform(get(API + "/kpis").param("groupBy", "colour").header(HttpHeaders.AUTHORIZATION, bearer(supervisor)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void evidenceCountsPipelineCasesByDistrictAndMonth(@Autowired CaseEvidence evidence) throws Exception {
        report(operator, hotlineCall("E0504", p[0] + 0.003, p[1] - 0.002)).andExpect(status().isCreated());
        var tables = evidence.evidence(org.megacity.legislation.PriorityArea.PIPELINES, java.time.YearMonth.of(2026, 10),
                java.time.YearMonth.of(2026, 11));
        assertThat(tables).hasSize(1);
        var row = tables.getFirst().rows().getFirst();
        assertThat(row.key()).isEqualTo(TinyCity.DISTRICT);
        assertThat(row.monthly()).hasSize(2);
        assertThat(row.monthly().get(0)).isZero();
        assertThat(row.total()).isEqualTo(row.monthly().get(1)).isPositive();
        assertThat(evidence.evidence(org.megacity.legislation.PriorityArea.DATA_SECURITY, java.time.YearMonth.of(2026, 1),
                java.time.YearMonth.of(2026, 12))).isEmpty();
    }

    @Test
    void theCatalogueHasMoreThanSixtyCategoriesAndTheHotlineTypes() throws Exception {
        String body = mvc.perform(get(API + "/categories").header(HttpHeaders.AUTHORIZATION, bearer(operator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> departments = JsonPath.read(body, "$[*].department");
        assertThat(departments).hasSizeGreaterThanOrEqualTo(60);
        assertThat(CaseFixtures.DEPARTMENTS).containsAll(departments);
        mvc.perform(get(API + "/hotline-types").header(HttpHeaders.AUTHORIZATION, bearer(operator)))
                .andExpect(jsonPath("$[*].code", hasItem("urgent-complaint")));
    }
}

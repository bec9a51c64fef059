package org.megacity.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.megacity.assets.AssetFixtures;
import org.megacity.assets.AssetRegistry;
import org.megacity.cases.CaseClosed;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Sensors, ingestion with per-reading rejection and idempotence, series, alerts that open cases, and case closure notes. */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelemetryApiIT {

    static final String API = "/api/v1/telemetry";

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    Geography geography;
    @Autowired
    Organization organization;
    @Autowired
    AssetRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    org.megacity.cases.CaseCounts caseCounts;
    @Autowired
    List<org.megacity.legislation.EvidenceSource> evidenceSources;

    String admin;

    @BeforeAll
    void cityAssetsAndSensors() throws Exception {
        if (geography.count(DivisionLevel.GRID) == 0) {
            CaseFixtures.city(geography, organization);
        }
        admin = AssetFixtures.load(mvc, data, geography, registry);
        mvc.perform(post(API + "/sensors").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                [{"id":"P-3","type":"pressure","asset":{"type":"pipe-nodes","id":3},"intervalSeconds":60},
                                 {"id":"M-22","type":"methane","asset":{"type":"pipe-nodes","id":22},"intervalSeconds":60},
                                 {"id":"M-31","type":"methane","asset":{"type":"pipe-nodes","id":31}},
                                 {"id":"T-31","type":"manhole-tilt","asset":{"type":"pipe-nodes","id":31}}]"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.registered").value(4));
    }

    String json(String body) throws Exception {
        return mvc.perform(post(API + "/readings").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void sensorsAreListedWithTheirAssetsLocationAndDomain() throws Exception {
        mvc.perform(get(API + "/sensors?type=methane").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sensors[*].id", hasItem("M-22")))
                .andExpect(jsonPath("$.sensors[*].id", hasItem("M-31")))
                .andExpect(jsonPath("$.sensors[*].type", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("methane"))));
        mvc.perform(get(API + "/sensors?asset=pipe-nodes/31").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(jsonPath("$.sensors[*].id", hasItem("T-31"))).andExpect(jsonPath("$.sensors[*].id", hasItem("M-31")))
                .andExpect(jsonPath("$.sensors[*].asset.id", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(31))));
        mvc.perform(get(API + "/sensors/M-22").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(jsonPath("$.domain").value("gas")).andExpect(jsonPath("$.districtCode").value(TinyCity.DISTRICT))
                .andExpect(jsonPath("$.unit").value("%LEL"));
        mvc.perform(post(API + "/sensors").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"id\":\"X\",\"type\":\"pressure\",\"asset\":{\"type\":\"pipe-nodes\",\"id\":999}}]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("[0].asset"));
    }

    @Test
    void invalidReadingsAreRejectedWithTheirReasonAndValidOnesKept() throws Exception {
        long now = Instant.now().toEpochMilli();
        String body = "[{\"sensorId\":\"P-3\",\"time\":" + (now - 60_000) + ",\"value\":0.35,\"messageId\":\"m-1\"},"
                + "{\"sensorId\":\"nope\",\"time\":" + now + ",\"value\":1},"
                + "{\"sensorId\":\"P-3\",\"time\":" + now + ",\"value\":\"NaN\"},"
                + "{\"sensorId\":\"P-3\",\"time\":" + now + ",\"value\":99},"
                + "{\"sensorId\":\"P-3\",\"time\":" + (now + 3_600_000) + ",\"value\":0.3},"
                + "{\"sensorId\":\"P-3\",\"time\":\"" + Instant.ofEpochMilli(now - 120_000) + "\",\"value\":0.36}]";
        String out = json(body);
        assertThat((Integer) JsonPath.read(out, "$.accepted")).isEqualTo(2);
        List<String> reasons = JsonPath.read(out, "$.rejected[*].reason");
        assertThat(reasons).hasSize(4);
        assertThat(reasons.get(0)).isEqualTo("unknown sensor");
        assertThat(reasons.get(1)).isEqualTo("value is not a number");
        assertThat(reasons.get(2)).contains("outside the physical range");
        assertThat(reasons.get(3)).isEqualTo("time too far in the future");
        // the same batch again: all duplicates, nothing new; a new time with a used message id is a duplicate too
        assertThat((Integer) JsonPath.read(json(body), "$.duplicates")).isEqualTo(2);
        String again = json("[{\"sensorId\":\"P-3\",\"time\":" + (now - 30_000) + ",\"value\":0.3,\"messageId\":\"m-1\"}]");
        assertThat((Integer) JsonPath.read(again, "$.accepted")).isZero();
        // CSV with a malformed line
        String csv = "sensorId,time,value,messageId\nP-3," + (now - 180_000) + ",0.34,\nP-3,yesterday,0.3\nP-3;1;2\n";
        String c = mvc.perform(post(API + "/readings").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                .contentType("text/csv").content(csv)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(c, "$.accepted")).isEqualTo(1);
        assertThat((List<String>) JsonPath.read(c, "$.rejected[*].reason")).containsExactly("malformed time",
                "malformed line: expected sensorId,time,value[,messageId]");
        // the latest value is the newest reading, whatever the arrival order
        mvc.perform(get(API + "/sensors/P-3").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(jsonPath("$.latestValue").value(0.35));
        mvc.perform(get(API + "/sensors/P-3/series?step=1m&from=" + Instant.ofEpochMilli(now - 600_000))
                        .header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.source").value("raw"))
                .andExpect(jsonPath("$.points.length()").value(3));
        assertThat(jdbc.sql("select count(*) from telemetry_readings r join telemetry_sensors s on s.sensor_key = r.sensor_key "
                + "where s.id = 'P-3'").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void malformedAndOversizedRequestsAreRefused() throws Exception {
        mvc.perform(post(API + "/readings").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).content("[{\"sensorId\":")).andExpect(status().isBadRequest());
        StringBuilder big = new StringBuilder();
        for (int i = 0; i <= 100_000; i++) {
            big.append("P-3,").append(i).append(",1\n");
        }
        mvc.perform(post(API + "/readings").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                .contentType("text/csv").content(big.toString())).andExpect(status().isContentTooLarge());
    }

    @Test
    void aGasLeakRaisesAnAlertThatOpensACaseAndResolvesAfterItsHoldTime() throws Exception {
        long t0 = Instant.now().toEpochMilli() - 600_000;
        String out = json("[{\"sensorId\":\"M-22\",\"time\":" + t0 + ",\"value\":40}]");
        assertThat((Integer) JsonPath.read(out, "$.alertsRaised")).isEqualTo(1);
        // one open alert per rule and sensor: a second high reading raises nothing
        assertThat((Integer) JsonPath.read(json("[{\"sensorId\":\"M-22\",\"time\":" + (t0 + 10_000) + ",\"value\":45}]"),
                "$.alertsRaised")).isZero();
        String list = mvc.perform(get(API + "/alerts?status=open&division=" + TinyCity.DISTRICT)
                        .header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(list, "$.alerts[?(@.sensorId == 'M-22')].id");
        assertThat(ids).hasSize(1);
        long id = ids.get(0);
        Long caseId = null;
        for (int i = 0; i < 100 && caseId == null; i++) {
            caseId = jdbc.sql("select case_id from telemetry_alerts where id = ?").param(id)
                    .query((rs, n) -> (Long) rs.getObject(1, Long.class)).list().get(0);
            if (caseId == null) {
                Thread.sleep(100);
            }
        }
        assertThat(caseId).as("the case opened for the severity I alert").isNotNull();
        assertThat(jdbc.sql("select category from cases_case where id = ?").param(caseId).query(String.class).single())
                .isEqualTo("E0504");
        // legislators see the alert beside a pipelines bill: by district and by network, this month
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
        List<org.megacity.legislation.EvidenceTable> evidence = evidenceSources.stream()
                .flatMap(source -> source.evidence(org.megacity.legislation.PriorityArea.PIPELINES, month.minusMonths(11),
                        month).stream())
                .filter(table -> table.source().equals("telemetry")).toList();
        assertThat(evidence).extracting(org.megacity.legislation.EvidenceTable::breakdown)
                .containsExactly("district", "utility");
        assertThat(evidence.get(0).rows()).anySatisfy(row -> {
            assertThat(row.key()).isEqualTo(TinyCity.DISTRICT);
            assertThat(row.total()).isPositive();
            assertThat(row.monthly().get(11)).isEqualTo(row.total() - row.monthly().subList(0, 11).stream()
                    .mapToLong(Long::longValue).sum());
        });
        assertThat(evidence.get(1).rows()).extracting(org.megacity.legislation.EvidenceTable.EvidenceRow::key)
                .contains("gas");
        assertThat(evidenceSources.stream().flatMap(source -> source.evidence(
                org.megacity.legislation.PriorityArea.DATA_SECURITY, month.minusMonths(11), month).stream())
                .filter(table -> table.source().equals("telemetry"))).isEmpty();
        // cases' published counts see the case in the district and nothing elsewhere
        assertThat(caseCounts.count(TinyCity.DISTRICT, Instant.now()).open()).isPositive();
        assertThat(caseCounts.count("999999", Instant.now()).open()).isZero();
        mvc.perform(post(API + "/alerts/" + id + "/acknowledge").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("acknowledged"));
        mvc.perform(post(API + "/alerts/" + id + "/acknowledge").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isConflict());
        // back to normal: resolved only after the 60 s hold
        String normal = json("[{\"sensorId\":\"M-22\",\"time\":" + (t0 + 60_000) + ",\"value\":1},"
                + "{\"sensorId\":\"M-22\",\"time\":" + (t0 + 90_000) + ",\"value\":1}]");
        assertThat((Integer) JsonPath.read(normal, "$.alertsResolved")).isZero();
        normal = json("[{\"sensorId\":\"M-22\",\"time\":" + (t0 + 130_000) + ",\"value\":1}]");
        assertThat((Integer) JsonPath.read(normal, "$.alertsResolved")).isEqualTo(1);
        // the vital signs count it
        mvc.perform(get("/api/v1/vitals?division=" + TinyCity.DISTRICT).header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.openCases").value(org.hamcrest.Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.sensors").value(org.hamcrest.Matchers.greaterThanOrEqualTo(4))).andExpect(jsonPath("$.alertsPerHour.length()").value(24));
        mvc.perform(get("/api/v1/vitals?division=abc").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isBadRequest());
        // the case's closure annotates the alert
        long closed = caseId;
        tx.executeWithoutResult(s -> events.publishEvent(new CaseClosed(closed, "E0504", org.megacity.cases.Channel.SENSOR, TinyCity.DISTRICT, "gas", true,
                Instant.now())));
        String note = null;
        for (int i = 0; i < 100 && note == null; i++) {
            note = jdbc.sql("select case_note from telemetry_alerts where id = ?").param(id)
                    .query((rs, n) -> rs.getString(1)).list().get(0);
            if (note == null) {
                Thread.sleep(100);
            }
        }
        assertThat(note).contains("closed");
        // a case from another channel is none of the alerts' business: no publication is even registered
        String listener = "select count(*) from event_publication where listener_id like '%AlertCases%'";
        long publications = jdbc.sql(listener).query(Long.class).single();
        tx.executeWithoutResult(s -> events.publishEvent(new CaseClosed(closed, "E0504", org.megacity.cases.Channel.HOTLINE,
                TinyCity.DISTRICT, "gas", true, Instant.parse("2020-01-01T00:00:00Z"))));
        assertThat(jdbc.sql(listener).query(Long.class).single()).isEqualTo(publications);
        Thread.sleep(300);
        assertThat(jdbc.sql("select case_note from telemetry_alerts where id = ?").param(id).query(String.class).single())
                .doesNotContain("2020");
    }

    @Test
    void aCompositeRuleNeedsBothSensorsOfTheAsset() throws Exception {
        long t0 = Instant.now().toEpochMilli() - 300_000;
        assertThat((Integer) JsonPath.read(json("[{\"sensorId\":\"M-31\",\"time\":" + t0 + ",\"value\":7}]"),
                "$.alertsRaised")).isZero();
        assertThat((Integer) JsonPath.read(json("[{\"sensorId\":\"T-31\",\"time\":" + (t0 + 1000) + ",\"value\":12}]"),
                "$.alertsRaised")).isEqualTo(2); // the tilt threshold (III) and the composite (II)
    }

    @Test
    void rulesAreWrittenOverTheApiAndACompositeRuleLooksWithinItsRadius() throws Exception {
        // an override for one manhole: methane there with high water within 120 m (node 31 is 97 m away, node 1 168 m)
        String rule = """
                {"name":"Methane with waterlogging nearby","sensorType":"methane","asset":{"type":"pipe-nodes","id":32},
                 "kind":"composite","direction":"above","limit":5,"otherType":"water-level","otherDirection":"above",
                 "otherLimit":0.2,"radiusMetres":120,"holdSeconds":60,"severity":2,"category":"E0504"}""";
        String created = mvc.perform(post(API + "/rules").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content(rule))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.radiusMetres").value(120.0))
                .andReturn().getResponse().getContentAsString();
        long ruleId = ((Number) JsonPath.read(created, "$.id")).longValue();
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'telemetry.rule.created' and object like ?")
                .param("rule=" + ruleId + ";%").query(Integer.class).single()).isEqualTo(1);
        mvc.perform(post(API + "/sensors").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                [{"id":"MR-32","type":"methane","asset":{"type":"pipe-nodes","id":32}},
                                 {"id":"WL-31","type":"water-level","asset":{"type":"pipe-nodes","id":31}},
                                 {"id":"WL-1","type":"water-level","asset":{"type":"pipe-nodes","id":1}}]"""))
                .andExpect(status().isCreated());
        long t0 = Instant.now().toEpochMilli() - 300_000;
        // high water only beyond the radius: nothing
        assertThat((Integer) JsonPath.read(json("[{\"sensorId\":\"WL-1\",\"time\":" + t0 + ",\"value\":0.5},"
                + "{\"sensorId\":\"MR-32\",\"time\":" + (t0 + 1000) + ",\"value\":7}]"), "$.alertsRaised")).isZero();
        // high water within it: the rule, created without a restart, raises
        assertThat((Integer) JsonPath.read(json("[{\"sensorId\":\"WL-31\",\"time\":" + (t0 + 2000) + ",\"value\":0.5}]"),
                "$.alertsRaised")).isEqualTo(1);
        String open = mvc.perform(get(API + "/alerts?status=open&sensor=MR-32").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat((List<Integer>) JsonPath.read(open, "$.alerts[*].ruleId")).containsExactly((int) ruleId);
        // changed: the new definition is served
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(API + "/rules/" + ruleId)
                        .header(HttpHeaders.AUTHORIZATION, bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(rule.replace("\"radiusMetres\":120", "\"radiusMetres\":150")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.radiusMetres").value(150.0));
        mvc.perform(get(API + "/rules/" + ruleId).header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(jsonPath("$.radiusMetres").value(150.0)).andExpect(jsonPath("$.enabled").value(true));
        // disabled: its open alert is resolved and it raises no more
        mvc.perform(post(API + "/rules/" + ruleId + "/disable").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get(API + "/alerts?status=open&sensor=MR-32").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(jsonPath("$.alerts.length()").value(0));
        assertThat((Integer) JsonPath.read(json("[{\"sensorId\":\"MR-32\",\"time\":" + (t0 + 3000) + ",\"value\":8}]"),
                "$.alertsRaised")).isZero();
        // invalid input names each field; other roles may not write rules; unknown rules are 404
        String bad = mvc.perform(post(API + "/rules").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name":"","sensorType":"methane","kind":"composite","direction":"sideways","limit":500,
                                 "otherType":"smell","otherDirection":"above","otherLimit":1,"radiusMetres":-1,"severity":9}"""))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("application/problem+json"))
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(bad, "$.errors[*].field")).containsExactlyInAnyOrder("name", "direction",
                "limit", "otherType", "radiusMetres", "severity");
        // an empty object names every required field (found by AuthorizationMatrixIT: it was a 500)
        String empty = mvc.perform(post(API + "/rules").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(empty, "$.errors[*].field")).contains("name", "sensorType", "kind", "severity");
        mvc.perform(post(API + "/rules").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content(rule.replace("\"id\":32", "\"id\":999")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("asset"));
        String security = new org.megacity.identity.Administrators(mvc, data).secadmin();
        mvc.perform(post(API + "/rules").header(HttpHeaders.AUTHORIZATION, bearer(security))
                .contentType(MediaType.APPLICATION_JSON).content(rule)).andExpect(status().isForbidden());
        mvc.perform(post(API + "/rules/" + (ruleId + 1000) + "/enable").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isNotFound());
    }
}

package org.megacity.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.megacity.legislation.LegislativeAccounts;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.Hostile;
import org.megacity.testing.HostileHttp;
import org.megacity.testing.IntegrationTest;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hostile input to law-making (see {@link Hostile}): regulation text introduced as a bill and added
 * as a version, with hostile bill details; opinions through the API and through the public form
 * (with its CSRF token, as a browser sends it); the query parameters and path segments of the bill,
 * draft, consultation and opinion reads. Never a 5xx; a refused write writes nothing; an accepted
 * bill reads back, in JSON and as Akoma Ntoso.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileLawMakingInputIT {

    static final String LAW = "/api/v1/legislation";
    static final String API = ParticipationFixture.API;
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    HostileHttp http;
    String staff;
    String citizen;
    String bill;
    String consultation;

    @BeforeAll
    void setUp(@Autowired DataDirectory data) throws Exception {
        var accounts = new LegislativeAccounts(mvc, data);
        staff = accounts.create("hostile.staff", "LEGISLATIVE_STAFF");
        citizen = accounts.create("hostile.citizen", "CITIZEN");
        var fixture = new ParticipationFixture(mvc);
        bill = fixture.bill(staff);
        consultation = fixture.consultation(staff, bill, Instant.now(), 30);
        http = new HostileHttp(port);
    }

    @AfterAll
    void nothingFound() {
        http.assertNothingFound();
    }

    Map<String, Long> lawRows() {
        return HostileHttp.rows(jdbc, "legislation_bill", "legislation_version", "legislation_element",
                "legislation_stage_history");
    }

    long opinions() {
        return jdbc.sql("select count(*) from participation_opinion").query(Long.class).single();
    }

    Gen<String> details() {
        Map<String, List<String>> details = new LinkedHashMap<>();
        details.put("title", List.of("某市城市治理条例（草案）"));
        details.put("area", List.of("pipelines", "parks"));
        details.put("kind", List.of("new", "amendment"));
        details.put("sponsor", List.of("市人民政府"));
        details.put("label", List.of("一审稿"));
        details.put("targetSubmission", List.of("2027-03-01"));
        details.put("stage", List.of("drafting"));
        return in -> Generate.range(0, 2).generate(in) == 0 ? Hostile.parameters(details).generate(in) : "title="
                + Hostile.query("某市城市治理条例（草案）");
    }

    @Test
    void regulationTextIsRefusedWithoutAWriteOrReadsBackAsABill() {
        Gen<byte[]> texts = Hostile.bodies(List.of(ParticipationFixture.BILL, ParticipationFixture.BILL_V2));
        Hostile.theory("regulation text").forAll(texts, details(), Generate.booleans()).checkAssert((text, query, markdown) -> {
            Map<String, Long> before = lawRows();
            var r = http.post("bill", LAW + "/bills?" + query, markdown ? "text/markdown;charset=UTF-8"
                    : "text/plain;charset=UTF-8", text, HttpHeaders.AUTHORIZATION, bearer(staff));
            Map<String, Long> after = lawRows();
            if (r.status() == 201) {
                http.expect("bill: an accepted text adds one bill and one version",
                        List.of(before.get("legislation_bill") + 1, before.get("legislation_version") + 1),
                        List.of(after.get("legislation_bill"), after.get("legislation_version")),
                        () -> new String(text, StandardCharsets.UTF_8));
                String id = JsonPath.read(r.body(), "$.id");
                for (String read : List.of("/versions/1", "/versions/1/akn", "/versions/1/text", "")) {
                    var back = http.get("bill-read", LAW + "/bills/" + id + read, HttpHeaders.AUTHORIZATION, bearer(staff));
                    http.expect("bill: an accepted bill reads back at " + read, 200, back.status(),
                            () -> new String(text, StandardCharsets.UTF_8));
                }
            } else {
                http.expect("bill: a refused text writes nothing", before, after,
                        () -> r.status() + " " + query + " " + new String(text, StandardCharsets.UTF_8));
            }
        });
        assertThat(http.count("bill", 201)).as("accepted bills").isPositive();
        assertThat(http.answered("bill", s -> s >= 400 && s < 500)).as("refused bills").isPositive();
    }

    @Test
    void newVersionsAreRefusedWithoutAWriteOrCompareWithTheFirst() {
        Gen<byte[]> texts = Hostile.bodies(List.of(ParticipationFixture.BILL, ParticipationFixture.BILL_V2));
        int[] versions = {2};
        Hostile.theory("regulation versions").forAll(texts, Hostile.text()).checkAssert((text, label) -> {
            Map<String, Long> before = lawRows();
            var r = http.post("version", LAW + "/bills/" + bill + "/versions?label=" + Hostile.query(label),
                    "text/plain;charset=UTF-8", text, HttpHeaders.AUTHORIZATION, bearer(staff));
            Map<String, Long> after = lawRows();
            if (r.status() == 201) {
                versions[0]++;
                http.expect("version: an accepted text adds one version", before.get("legislation_version") + 1,
                        after.get("legislation_version"), () -> new String(text, StandardCharsets.UTF_8));
                var diff = http.get("version-read", LAW + "/bills/" + bill + "/diff?from=1&to=" + versions[0],
                        HttpHeaders.AUTHORIZATION, bearer(staff));
                http.expect("version: an accepted version compares with the first", 200, diff.status(),
                        () -> new String(text, StandardCharsets.UTF_8));
            } else {
                http.expect("version: a refused text writes nothing", before, after,
                        () -> r.status() + " " + new String(text, StandardCharsets.UTF_8));
            }
        });
        assertThat(http.count("version", 201)).as("accepted versions").isPositive();
    }

    @Test
    void opinionsThroughTheApiAreRefusedWithoutAWriteOrStoredOnce() {
        List<String> valid = List.of(
                "{\"elementId\": \"chp_2__art_3__para_1\", \"text\": \"建议增加对管线巡查频次的规定。\"}",
                "{\"text\": \"总体赞成\", \"channel\": \"online\", \"name\": \"王小明\", \"contact\": \"13800000000\"}",
                "{\"elementId\": \"art_1\", \"text\": \"第一条的表述不清楚\", \"organisation\": \"某协会\", \"receivedOn\": \"2026-11-01\"}");
        Hostile.theory("opinions (API)").forAll(Hostile.bodies(valid)).checkAssert(body -> {
            long before = opinions();
            var r = http.post("opinion-api", API + "/consultations/" + consultation + "/opinions", "application/json", body,
                    HttpHeaders.AUTHORIZATION, bearer(citizen));
            long after = opinions();
            http.expect("opinion-api: an opinion is stored once if accepted, else not at all", r.status() == 201 ? 1L : 0L,
                    after - before, () -> r.status() + " " + new String(body, StandardCharsets.UTF_8));
        });
        assertThat(http.count("opinion-api", 201)).as("accepted opinions").isPositive();
        assertThat(http.count("opinion-api", 400)).as("refused opinions").isPositive();
    }

    @Test
    void opinionsThroughThePublicFormAreRefusedOrStoredOnce() {
        HostileHttp browser = new HostileHttp(port, true);
        String page = "/participation/public/consultations/" + consultation;
        var form = browser.get("opinion-form", page);
        assertThat(form.status()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the public form carries a CSRF token").isTrue();
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("elementId", List.of("chp_2__art_3__para_1", "art_1", ""));
        fields.put("text", List.of("建议增加对管线巡查频次的规定。", "同意"));
        fields.put("name", List.of("王小明", ""));
        fields.put("channel", List.of("online", "letter"));
        Hostile.theory("opinions (public form)").forAll(Hostile.parameters(fields)).checkAssert(q -> {
            long before = opinions();
            var r = browser.post("opinion-form", page + "/opinions", "application/x-www-form-urlencoded",
                    ("_csrf=" + Hostile.query(token) + "&" + q).getBytes(StandardCharsets.US_ASCII));
            long added = opinions() - before;
            http.expect("opinion-form: an opinion is stored at most once", true, added == 0 || added == 1, () -> q);
        });
        http.expect("opinion-form: the form answered", true, browser.count("opinion-form", 200) > 1, () -> browser.statuses().toString());
        browser.assertNothingFound();
    }

    /** What the properties found, kept as examples: refused, and nothing written. */
    @Test
    void regressions() {
        Map<String, Long> before = lawRows();
        byte[] text = ParticipationFixture.BILL.getBytes(StandardCharsets.UTF_8);
        for (String details : List.of("title=a%00b", "sponsor=%01", "label=x%00")) {
            var r = http.post("regression", LAW + "/bills?" + details, "text/plain;charset=UTF-8", text,
                    HttpHeaders.AUTHORIZATION, bearer(staff));
            http.expect("regression: bill details " + details, 400, r.status(), r::body);
        }
        var label = http.post("regression", LAW + "/bills/" + bill + "/versions?label=a%00b", "text/plain;charset=UTF-8",
                text, HttpHeaders.AUTHORIZATION, bearer(staff));
        http.expect("regression: a version label with NUL", 400, label.status(), label::body);
        String longHeading = ParticipationFixture.BILL.replaceFirst("(第一章[ 　]*)(\\S+)", "$1" + "总".repeat(501));
        var heading = http.post("regression", LAW + "/bills", "text/plain;charset=UTF-8",
                longHeading.getBytes(StandardCharsets.UTF_8), HttpHeaders.AUTHORIZATION, bearer(staff));
        http.expect("regression: a heading of 501 characters", 422, heading.status(), heading::body);
        http.expect("regression: refused texts wrote nothing", before, lawRows(), () -> "");
    }

    @Test
    void readsNeverFailNorWrite() {
        Map<String, List<String>> bills = new LinkedHashMap<>();
        bills.put("plan", List.of("1"));
        bills.put("stage", List.of("drafting", "first-reading"));
        bills.put("area", List.of("pipelines"));
        Map<String, List<String>> diff = new LinkedHashMap<>();
        diff.put("from", List.of("1", "2", "0", "-1"));
        diff.put("to", List.of("2", "1", "99"));
        diff.put("all", List.of("true"));
        Map<String, List<String>> opinions = new LinkedHashMap<>();
        opinions.put("channel", List.of("online", "letter"));
        opinions.put("element", List.of("art_1"));
        opinions.put("status", List.of("pending", "adopted"));
        opinions.put("q", List.of("管线", "%", "_"));
        opinions.put("offset", List.of("0", "-1", "1000000"));
        opinions.put("limit", List.of("10", "0", "-1", "100000"));
        Map<String, List<String>> format = Map.of("format", List.of("plain", "markdown", "html"));
        Gen<String> billId = Hostile.segments(List.of(bill));
        Gen<String> version = Hostile.segments(List.of("1", "2", "0"));
        Gen<String> consultationId = Hostile.segments(List.of(consultation));
        Gen<String[]> request = Hostile.oneOf(List.of(
                Hostile.parameters(bills).map(q -> new String[] {LAW + "/bills?" + q, staff}),
                Hostile.parameters(bills).map(q -> new String[] {LAW + "/plans?" + q, staff}),
                billId.map(b -> new String[] {LAW + "/bills/" + b, staff}),
                billId.zip(Hostile.parameters(diff), (b, q) -> new String[] {LAW + "/bills/" + b + "/diff?" + q, staff}),
                billId.zip(version, Hostile.parameters(format), (b, v, q) -> new String[] {LAW + "/bills/" + b
                        + "/versions/" + v + "/text?" + q, staff}),
                billId.zip(version, (b, v) -> new String[] {LAW + "/bills/" + b + "/versions/" + v + "/akn", staff}),
                billId.zip(version, (b, v) -> new String[] {LAW + "/public/bills/" + b + "/versions/" + v}),
                Hostile.parameters(bills).map(q -> new String[] {LAW + "/public/drafts?" + q}),
                billId.zip(Hostile.parameters(diff), (b, q) -> new String[] {"/legislation/bills/" + b + "/diff?" + q, staff}),
                Hostile.parameters(bills).map(q -> new String[] {API + "/consultations?" + q, staff}),
                consultationId.map(c -> new String[] {API + "/consultations/" + c, staff}),
                consultationId.zip(Hostile.parameters(opinions), (c, q) -> new String[] {API + "/consultations/" + c
                        + "/opinions?" + q, staff}),
                consultationId.map(c -> new String[] {API + "/consultations/" + c + "/report.csv", staff}),
                consultationId.map(c -> new String[] {API + "/consultations/" + c + "/groups", staff}),
                consultationId.map(c -> new String[] {"/participation/public/consultations/" + c}),
                consultationId.map(c -> new String[] {"/participation/public/consultations/" + c + "/report"}),
                Hostile.parameters(Map.of("lang", List.of("en", "zh-CN"))).map(q -> new String[] {"/participation/public?" + q}),
                Hostile.parameters(Map.of("plan", List.of("1"))).map(q -> new String[] {"/legislation/public?" + q})));
        Map<String, Long> before = lawRows();
        long opinionsBefore = opinions();
        Hostile.theory("law-making reads").forAll(request).checkAssert(r -> {
            if (r.length > 1) {
                http.get("law-query", r[0], HttpHeaders.AUTHORIZATION, bearer(r[1]));
            } else {
                http.get("law-query", r[0]);
            }
        });
        http.expect("law-query: reads write nothing", List.of(before, opinionsBefore), List.of(lawRows(), opinions()),
                () -> "");
        assertThat(http.count("law-query", 200)).isPositive();
    }
}

package org.megacity.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.megacity.geo.Geography;
import org.megacity.identity.Administrators;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.Hostile;
import org.megacity.testing.HostileHttp;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hostile input to cases (see {@link Hostile}): Open311 service requests (form fields in JSON and XML
 * form), case reports through the API, and the query parameters and path segments of the case lists,
 * KPIs and Open311 reads. Never a 5xx; a refused request writes nothing; an accepted one writes
 * exactly one case, which then reads back in JSON and XML and on its public tracking page.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCaseInputIT {

    static final String V2 = "/open311/v2";
    static final Pattern ID = Pattern.compile("\"?service_request_id\"?\\s*[:>]\\s*\"?(\\d+)");
    static final Pattern TOKEN = Pattern.compile("\"?token\"?\\s*[:>]\\s*\"?([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    HostileHttp http;
    String apiKey;
    String dispatcher;
    String citizen;
    final double[] p = TinyCity.pointInFirstGrid();

    @BeforeAll
    void setUp(@Autowired Geography geography, @Autowired Organization organization, @Autowired DataDirectory data)
            throws Exception {
        CaseFixtures.city(geography, organization);
        String sys = new Administrators(mvc, data).sysadmin();
        String issued = mvc.perform(post("/api/v1/cases/open311/keys").header(HttpHeaders.AUTHORIZATION, bearer(sys))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"hostile app\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        apiKey = JsonPath.read(issued, "$.apiKey");
        var accounts = new CaseFixtures(mvc, data);
        dispatcher = accounts.create("hostile.dispatcher", "DISPATCHER", List.of(), List.of());
        citizen = accounts.create("hostile.citizen", "CITIZEN", List.of(), List.of());
        http = new HostileHttp(port);
    }

    @AfterAll
    void nothingFound() {
        http.assertNothingFound();
    }

    Map<String, Long> rows() {
        return HostileHttp.rows(jdbc, "cases_case", "cases_history");
    }

    /** A valid Open311 form with one to four fields made hostile (or left out, or sent twice), now and then an extra field. */
    Gen<String> open311Forms() {
        Map<String, List<String>> valid = new LinkedHashMap<>();
        valid.put("api_key", List.of(apiKey));
        valid.put("service_code", List.of("E0101", "C0101", "A0101"));
        valid.put("lat", List.of(Double.toString(p[1])));
        valid.put("long", List.of(Double.toString(p[0])));
        valid.put("address_string", List.of("解放碑北社区", "朝天门街道 1号"));
        valid.put("description", List.of("井盖破损", "垃圾暴露 near the steps"));
        valid.put("first_name", List.of("小明"));
        valid.put("last_name", List.of("王"));
        valid.put("email", List.of("a@example.org"));
        valid.put("phone", List.of("023-12345678"));
        valid.put("device_id", List.of("dev-1"));
        valid.put("jurisdiction_id", List.of("megacity"));
        valid.put("attribute[component_code]", List.of("500103010101000001"));
        List<String> names = List.copyOf(valid.keySet());
        Gen<String> text = Hostile.text();
        Gen<String> number = Hostile.numbers();
        return in -> {
            Map<String, List<String>> form = new LinkedHashMap<>();
            valid.forEach((k, v) -> form.put(k, new ArrayList<>(List.of(v.get(Generate.range(0, v.size() - 1)
                    .generate(in))))));
            int changes = Generate.range(1, 4).generate(in);
            for (int i = 0; i < changes; i++) {
                String name = names.get(Generate.range(0, names.size() - 1).generate(in));
                switch (Generate.range(0, 5).generate(in)) {
                    case 0 -> form.remove(name);
                    case 1 -> form.computeIfAbsent(name, n -> new ArrayList<>()).add(text.generate(in));
                    case 2 -> form.put(name, new ArrayList<>(List.of(number.generate(in))));
                    default -> form.put(name, new ArrayList<>(List.of(text.generate(in))));
                }
            }
            if (Generate.range(0, 5).generate(in) == 0) {
                form.put(text.generate(in), List.of(text.generate(in)));
            }
            StringBuilder body = new StringBuilder();
            form.forEach((k, values) -> values.forEach(v -> body.append(body.isEmpty() ? "" : "&")
                    .append(Hostile.query(k)).append('=').append(Hostile.query(v))));
            return body.toString();
        };
    }

    @Test
    void open311RequestsAreRefusedWithoutAWriteOrStoredOnceAndReadBack() {
        Hostile.theory("Open311 POST requests").forAll(open311Forms(), Generate.booleans()).checkAssert((form, xml) -> {
            String format = xml ? "xml" : "json";
            Map<String, Long> before = rows();
            var r = http.post("open311", V2 + "/requests." + format, "application/x-www-form-urlencoded; charset=UTF-8",
                    form.getBytes(StandardCharsets.US_ASCII));
            Map<String, Long> after = rows();
            if (r.status() == 200) {
                http.expect("open311: an accepted request adds one case", before.get("cases_case") + 1,
                        after.get("cases_case"), () -> form);
                readBack("open311", r.body(), form);
            } else {
                http.expect("open311: a refused request writes nothing", before, after, () -> r.status() + " " + form);
            }
        });
        assertThat(http.count("open311", 200)).as("accepted Open311 requests").isPositive();
        assertThat(http.answered("open311", s -> s >= 400 && s < 500)).as("refused Open311 requests").isPositive();
    }

    private void readBack(String family, String body, String input) {
        Matcher id = ID.matcher(body);
        Matcher token = TOKEN.matcher(body);
        if (!id.find() || !token.find()) {
            http.found(family + ": an accepted request names its id and token", () -> body);
            return;
        }
        for (String format : List.of("json", "xml")) {
            var read = http.get(family + "-read", V2 + "/requests/" + id.group(1) + "." + format);
            http.expect(family + ": an accepted request reads back in " + format, 200, read.status(), () -> input);
        }
        var track = http.get(family + "-read", "/track/" + token.group(1));
        http.expect(family + ": an accepted request has a tracking page", 200, track.status(), () -> input);
    }

    /** Case reports through the API as a citizen: mutations of valid JSON bodies. */
    @Test
    void caseReportsAreRefusedWithoutAWriteOrStoredOnce() {
        List<String> valid = List.of(
                "{\"category\": \"E0101\", \"description\": \"垃圾暴露\", \"address\": \"解放碑\", \"lon\": " + p[0]
                        + ", \"lat\": " + p[1] + "}",
                "{\"channel\": \"citizen\", \"category\": \"C0101\", \"title\": \"井盖\", \"description\": \"井盖破损\", "
                        + "\"lon\": " + p[0] + ", \"lat\": " + p[1] + ", \"componentCode\": \"500103010101000001\", "
                        + "\"reporterName\": \"王小明\", \"reporterPhone\": \"023-12345678\"}");
        Hostile.theory("case reports").forAll(Hostile.bodies(valid)).checkAssert(body -> {
            Map<String, Long> before = rows();
            var r = http.post("case-report", "/api/v1/cases", "application/json", body,
                    HttpHeaders.AUTHORIZATION, bearer(citizen));
            Map<String, Long> after = rows();
            if (r.status() == 201) {
                http.expect("case-report: an accepted report adds one case", before.get("cases_case") + 1,
                        after.get("cases_case"), () -> new String(body, StandardCharsets.UTF_8));
            } else {
                http.expect("case-report: a refused report writes nothing", before, after,
                        () -> r.status() + " " + new String(body, StandardCharsets.UTF_8));
            }
        });
        assertThat(http.count("case-report", 201)).as("accepted case reports").isPositive();
    }

    /** What the properties found, kept as examples. */
    @Test
    void regressions() {
        // a tracking token is put into a redirect: template syntax and line breaks made it a 500
        for (String token : List.of("%7B7*7%7D", "a%0D%0ALocation:x", "%3Cscript%3E", "'%2C%3E")) {
            http.expect("regression: /track?token=" + token, 200, http.get("regression", "/track?token=" + token).status(),
                    () -> token);
        }
        // unreadable parameters (not UTF-8, a bare '=' in a form body) and names the firewall refuses: 400, not 500
        http.expect("regression: not UTF-8 in a query", 400, http.get("regression", "/api/v1/cases?status=%ED%A0%80",
                HttpHeaders.AUTHORIZATION, bearer(dispatcher)).status(), () -> "");
        http.expect("regression: a form body with a bare '='", 400, http.post("regression", V2 + "/requests.json",
                "application/x-www-form-urlencoded", ("api_key=" + apiKey + "&=").getBytes(StandardCharsets.UTF_8)).status(),
                () -> "");
        http.expect("regression: a parameter name the firewall refuses", 400, http.post("regression", V2 + "/requests.json",
                "application/x-www-form-urlencoded", ("api_key=" + apiKey + "&service_code=E0101&lat=" + p[1] + "&long="
                        + p[0] + "&" + Hostile.query("\u0007\u202e") + "=1").getBytes(StandardCharsets.UTF_8)).status(), () -> "");
        // text the database cannot hold (NUL, an unpaired surrogate) and an over-long device id: 400, nothing stored
        Map<String, Long> before = rows();
        for (String field : List.of("description=a%00b", "description=%ED%A0%80", "first_name=%ED%A0%80",
                "device_id=" + "d".repeat(200), "address_string=a%01b")) {
            var r = http.post("regression", V2 + "/requests.json", "application/x-www-form-urlencoded", ("api_key=" + apiKey
                    + "&service_code=E0101&lat=" + p[1] + "&long=" + p[0] + "&" + field).getBytes(StandardCharsets.UTF_8));
            http.expect("regression: " + field, 400, r.status(), r::body);
        }
        http.expect("regression: refused requests wrote nothing", before, rows(), () -> "");
    }

    /** Query parameters and path segments of the reads: never a 5xx, never a write. */
    @Test
    void queriesNeverFailNorWrite() {
        Map<String, List<String>> open311 = new LinkedHashMap<>();
        open311.put("service_request_id", List.of("1", "1,2,3"));
        open311.put("service_code", List.of("E0101", "E0101,C0101"));
        open311.put("start_date", List.of("2026-01-01T00:00:00+08:00", "2026-01-01T00:00:00Z"));
        open311.put("end_date", List.of("2030-01-01T00:00:00+08:00"));
        open311.put("status", List.of("open", "closed", "open,closed"));
        open311.put("jurisdiction_id", List.of("megacity"));
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("status", List.of("REPORTED", "reported", "CLOSED"));
        cases.put("category", List.of("E0101"));
        cases.put("channel", List.of("open311", "citizen"));
        cases.put("division", List.of(TinyCity.DISTRICT, TinyCity.WEST_STREET));
        cases.put("department", List.of("water-supply"));
        cases.put("overdue", List.of("true", "false"));
        cases.put("limit", List.of("10", "0", "-1", "100000"));
        cases.put("offset", List.of("0", "5", "-1"));
        Map<String, List<String>> kpis = new LinkedHashMap<>();
        kpis.put("groupBy", List.of("department", "district", "street", "category", "channel"));
        kpis.put("from", List.of("2026-01-01", "2026-01-01T00:00:00Z"));
        kpis.put("to", List.of("2030-01-01"));
        Map<String, List<String>> desk = Map.of("status", List.of("open", "REPORTED"));
        List<String> formats = List.of("json", "xml");
        Gen<String> segment = Hostile.segments(List.of("1", "E0101", "C0101", "json", "xml"));
        Gen<String> format = Hostile.segments(formats).mix(Generate.pick(formats), 3);
        List<Gen<String[]>> requests = List.of(
                Hostile.parameters(open311).zip(format, (q, f) -> new String[] {V2 + "/requests." + f + "?" + q}),
                Hostile.parameters(open311).zip(format, (q, f) -> new String[] {V2 + "/servicerequestupdates." + f + "?" + q}),
                segment.zip(format, (s, f) -> new String[] {V2 + "/requests/" + s + "." + f}),
                segment.zip(format, (s, f) -> new String[] {V2 + "/services/" + s + "." + f}),
                segment.zip(format, (s, f) -> new String[] {V2 + "/tokens/" + s + "." + f}),
                Hostile.parameters(open311).zip(format, (q, f) -> new String[] {V2 + "/services." + f + "?" + q}),
                Hostile.parameters(cases).map(q -> new String[] {"/api/v1/cases?" + q, dispatcher}),
                Hostile.parameters(kpis).map(q -> new String[] {"/api/v1/cases/kpis?" + q, dispatcher}),
                segment.map(s -> new String[] {"/api/v1/cases/" + s, dispatcher}),
                segment.map(s -> new String[] {"/api/v1/cases/" + s + "/history", dispatcher}),
                segment.map(s -> new String[] {"/track/" + s}),
                Hostile.parameters(Map.of("token", List.of("abc"))).map(q -> new String[] {"/track?" + q}),
                Hostile.parameters(desk).map(q -> new String[] {"/api/v1/cases/categories?" + q, dispatcher}));
        Gen<String[]> any = Hostile.oneOf(requests);
        Map<String, Long> before = rows();
        Hostile.theory("case queries").forAll(any).checkAssert(request -> {
            if (request.length > 1) {
                http.get("case-query", request[0], HttpHeaders.AUTHORIZATION, bearer(request[1]));
            } else {
                http.get("case-query", request[0]);
            }
        });
        http.expect("case-query: reads write nothing", before, rows(), () -> "");
        assertThat(http.count("case-query", 200)).isPositive();
    }
}

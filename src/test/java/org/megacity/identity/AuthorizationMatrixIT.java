package org.megacity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.Geography;
import org.megacity.identity.PermissionTable.Row;
import org.megacity.identity.PermissionTable.Rule;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The authorization matrix ({@link AuthorizationMatrix}, {@code docs/authorization.md}) against the
 * running application: every operation of its OpenAPI document is in the table and every row of the
 * table is still an operation; then every operation is called as anonymous and as an account of
 * every role, bound to the district 渝中区 (500103) and the department water-supply, and the outcome
 * compared with the table: allowed means neither 401 nor 403 (a 400, 404 or 409 for the dummy
 * input is fine), refused means 403 (401 without an account). Where the table names a jurisdiction
 * rule, the roles it allows are called again from accounts bound to another district (500104) and
 * department (gas) on objects inside 500103: they must be refused (403, or 404 where the module
 * hides what the caller cannot see).
 *
 * <p>Path variables are filled with an existing case, the tiny city's codes, or ids that exist
 * nowhere; writes carry an empty or deliberately stale body, so that no write can take effect.
 * The test proves it: the row counts of every table but the audit trail, the event registry and
 * identity's tokens are the same after the calls as before.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"megacity.identity.bcrypt-strength=10"})
class AuthorizationMatrixIT {

    static final String OUTSIDE_DISTRICT = "500104";
    static final String NOWHERE = "987654321";
    static final Map<Role, String> ADMINISTRATORS = Map.of(Role.SYSTEM_ADMIN, "sysadmin", Role.SECURITY_ADMIN, "secadmin",
            Role.AUDIT_ADMIN, "auditadmin");
    static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Tables that calls may legitimately change: the record of the calls themselves and credentials' use. */
    static final Set<String> BOOKKEEPING = Set.of("audit_record", "audit_head", "event_publication",
            "event_publication_archive", "identity_token", "flyway_schema_history");

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    JdbcClient jdbc;

    final AuthorizationMatrix matrix = AuthorizationMatrix.load();
    final Map<Role, String> inside = new EnumMap<>(Role.class);
    final Map<Role, String> outside = new EnumMap<>(Role.class);
    long caseId;
    String open311Key;

    @BeforeAll
    void setUp(@Autowired Geography geography, @Autowired Organization organization) throws Exception {
        CaseFixtures.city(geography, organization);
        geography.importDivisions(neighbour());
        Administrators admins = new Administrators(mvc, data);
        inside.put(Role.SYSTEM_ADMIN, admins.sysadmin());
        inside.put(Role.SECURITY_ADMIN, admins.secadmin());
        inside.put(Role.AUDIT_ADMIN, admins.auditadmin());
        // 20 accounts, four at a time (each costs a few bcrypt checks)
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        Map<String, java.util.concurrent.Future<String>> made = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            if (!role.administrator()) {
                String name = role.name().toLowerCase();
                made.put("in." + name, pool.submit(() -> account(admins, "in." + name, role, TinyCity.DISTRICT, "water-supply")));
                made.put("out." + name, pool.submit(() -> account(admins, "out." + name, role, OUTSIDE_DISTRICT, "gas")));
            }
        }
        pool.shutdown();
        for (Role role : Role.values()) {
            if (!role.administrator()) {
                inside.put(role, made.get("in." + role.name().toLowerCase()).get());
                outside.put(role, made.get("out." + role.name().toLowerCase()).get());
            }
        }
        double[] p = TinyCity.pointInFirstGrid();
        String created = mvc.perform(post("/api/v1/cases").header(HttpHeaders.AUTHORIZATION, bearer(inside.get(Role.HOTLINE_OPERATOR)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\": \"hotline\", \"category\": \"E0501\", "
                                + "\"hotlineType\": \"complaint\", \"description\": \"水管漏水\", \"lon\": " + p[0] + ", \"lat\": "
                                + p[1] + ", \"reporterName\": \"张三丰\", \"reporterPhone\": \"13812341234\"}"))
                .andReturn().getResponse().getContentAsString();
        caseId = ((Number) JsonPath.read(created, "$.id")).longValue();
        open311Key = JsonPath.read(mvc.perform(post("/api/v1/cases/open311/keys")
                        .header(HttpHeaders.AUTHORIZATION, bearer(inside.get(Role.SYSTEM_ADMIN)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"matrix\"}"))
                .andReturn().getResponse().getContentAsString(), "$.apiKey");
        mvc.perform(post("/api/v1/representatives/deputies").header(HttpHeaders.AUTHORIZATION,
                        bearer(inside.get(Role.LEGISLATIVE_STAFF))).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"李明华\",\"level\":\"CITY\",\"constituency\":\"500103\","
                        + "\"delegation\":\"渝中区代表团\",\"username\":\"in.deputy\"}"));
    }

    /**
     * Creates an account as the administrators do (the system administrator creates it, the
     * security administrator grants the role and binds the district and department), sets its
     * password and returns a token.
     */
    String account(Administrators admins, String username, Role role, String district, String department) throws Exception {
        String created = mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer(inside.get(Role.SYSTEM_ADMIN)))
                        .contentType(MediaType.APPLICATION_JSON).content(Administrators.json("username", username, "displayName", username)))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.account.id");
        String sec = bearer(inside.get(Role.SECURITY_ADMIN));
        assertThat(mvc.perform(put("/api/v1/accounts/" + id + "/roles").header(HttpHeaders.AUTHORIZATION, sec)
                .contentType(MediaType.APPLICATION_JSON).content("{\"roles\": [\"" + role + "\"]}"))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(put("/api/v1/accounts/" + id + "/jurisdiction").header(HttpHeaders.AUTHORIZATION, sec)
                .contentType(MediaType.APPLICATION_JSON).content("{\"citywide\": false, \"divisions\": [\"" + district
                        + "\"], \"departments\": [\"" + department + "\"]}"))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        admins.changePassword(username, JsonPath.read(created, "$.oneTimePassword"), CaseFixtures.PASSWORD);
        return admins.token(username, CaseFixtures.PASSWORD);
    }

    /** The tiny city moved one district east and renumbered 500104: a district the inside accounts do not hold. */
    static List<Division> neighbour() {
        AffineTransformation east = AffineTransformation.translationInstance(TinyCity.EAST - TinyCity.WEST, 0);
        return TinyCity.divisions().stream().map(d -> new Division(
                DivisionCode.of(OUTSIDE_DISTRICT + d.code().value().substring(TinyCity.DISTRICT.length())),
                d.name() + "东", d.nameEn() + " East", east.transform(d.boundary()))).toList();
    }

    @Test
    void everyOperationOfTheApiIsInTheTableAndEveryRowIsAnOperation() throws Exception {
        Set<String> operations = operations().keySet();
        Set<String> rows = matrix.byKey().keySet();
        Set<String> missing = new TreeSet<>(operations);
        missing.removeAll(rows);
        Set<String> stale = new TreeSet<>(rows);
        stale.removeAll(operations);
        assertThat(missing).as("operations of /v3/api-docs missing from " + AuthorizationMatrix.RESOURCE).isEmpty();
        assertThat(stale).as("rows of " + AuthorizationMatrix.RESOURCE + " that are no operation any more").isEmpty();
    }

    @Test
    void everyRoleGetsWhatTheTableSays() throws Exception {
        Map<String, Map<String, Object>> operations = operations();
        Map<String, Long> before = rowCounts();
        List<String> wrong = new ArrayList<>();
        StringBuilder observed = new StringBuilder("operation;allowed (observed, inside);statuses\n");
        Map<String, Row> rows = matrix.byKey();
        for (Map.Entry<String, Map<String, Object>> entry : operations.entrySet()) {
            Map<String, Object> operation = entry.getValue();
            Row row = rows.get(entry.getKey());
            if (row == null) {
                String[] key = entry.getKey().split(" ", 2);
                wrong.add(entry.getKey() + ": not in the table");
                row = new Row(key[0], key[1], "ANY", Set.of(), Rule.CITYWIDE, "");
            }
            Probe probe = probe(row, operation);
            Map<String, Integer> statuses = new LinkedHashMap<>();
            List<String> allowedObserved = new ArrayList<>();
            int anonymous = call(probe, null, true);
            statuses.put("anonymous", anonymous);
            if (row.allows(null) ? refused(anonymous) : anonymous != 401 && anonymous != 403) {
                wrong.add(row.key() + ": anonymous got " + anonymous + ", the table says "
                        + (row.allows(null) ? "allowed" : "401"));
            }
            if (!refused(row, probe, anonymous)) {
                allowedObserved.add("PUBLIC");
            }
            for (Role role : Role.values()) {
                int status = call(probe, role, true);
                statuses.put(role.name(), status);
                if (!refused(row, probe, status)) {
                    allowedObserved.add(role.name());
                }
                if (row.allows(role) == refused(row, probe, status)) {
                    wrong.add(row.key() + ": " + role + " got " + status + ", the table says "
                            + (row.allows(role) ? "allowed" : "403"));
                }
                if (row.allows(role) && probe.outsideMatters(row) && outside.containsKey(role)) {
                    int out = call(probe, role, false);
                    statuses.put(role.name() + "/outside", out);
                    if (out != 403 && out != 404) {
                        wrong.add(row.key() + ": " + role + " outside its jurisdiction got " + out + ", the table says "
                                + row.rule().code() + " (403 or 404)");
                    }
                }
            }
            statuses.forEach((who, status) -> {
                if (status >= 500) {
                    wrong.add(entry.getKey() + ": " + who + " got " + status + " (never a 5xx)");
                }
            });
            observed.append(row.key()).append(';').append(String.join(" ", allowedObserved)).append(';')
                    .append(statuses).append('\n');
        }
        Path report = Path.of("target", "authorization-matrix-observed.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, observed, StandardCharsets.UTF_8);
        assertThat(wrong).as("calls whose outcome differs from the table (all outcomes in " + report + ")").isEmpty();
        assertThat(rowCounts()).as("row counts after the calls (dummy writes must leave nothing)").isEqualTo(before);
    }

    @Test
    void pipeNetworksAreForTheOperationsRolesOnly() throws Exception {
        for (Role role : Role.values()) {
            boolean reader = Set.of(Role.SYSTEM_ADMIN, Role.DISPATCHER, Role.SUPERVISOR, Role.DEPARTMENT_HANDLER,
                    Role.INSPECTOR).contains(role);
            String collections = mvc.perform(get("/api/v1/ogcapi/collections")
                    .header(HttpHeaders.AUTHORIZATION, bearer(inside.get(role)))).andReturn().getResponse().getContentAsString();
            List<String> ids = JsonPath.read(collections, "$.collections[*].id");
            assertThat(ids.contains("pipe-segments")).as(role + " sees the pipe collections").isEqualTo(reader);
            assertThat(ids).as(role.name()).contains("parks");
            int status = mvc.perform(get("/api/v1/ogcapi/collections/pipe-nodes/items")
                    .header(HttpHeaders.AUTHORIZATION, bearer(inside.get(role)))).andReturn().getResponse().getStatus();
            assertThat(status).as(role + " reads pipe nodes").isEqualTo(reader ? 200 : 404);
        }
        assertThat(mvc.perform(get("/ogcapi/collections/pipe-segments")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    static boolean refused(int status) {
        return status == 401 || status == 403;
    }

    /**
     * Refused: 401 or 403; on a real object of a row with a jurisdiction rule also 404, the answer
     * of modules that do not reveal what lies outside the caller's reach.
     */
    static boolean refused(Row row, Probe probe, int status) {
        return refused(status) || status == 404 && probe.outsideMatters(row);
    }

    /** A call: the path with its variables filled, the query, the body (null for none). */
    record Probe(HttpMethod method, String path, Map<String, String> query, String contentType, String body,
            boolean basic, boolean jurisdictionProbe) {

        boolean outsideMatters(Row row) {
            return jurisdictionProbe && switch (row.rule()) {
                case OWN_DIVISION, OWN_DEPARTMENT, DIVISION_OR_DEPARTMENT -> true;
                default -> false;
            };
        }
    }

    /**
     * How an operation is called. Variables and required query parameters get harmless values
     * (codes of the tiny city, ids that exist nowhere); the operations whose table row names a
     * jurisdiction are called on an object or a division inside 500103 instead, with a body that
     * passes the authorization check and then fails (a stale version), so nothing changes.
     */
    Probe probe(Row row, Map<String, Object> operation) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> query = new TreeMap<>();
        String body = "{}";
        String contentType = MediaType.APPLICATION_JSON_VALUE;
        boolean jurisdiction = false;
        boolean basic = false;
        switch (row.key()) {
            case "GET /api/v1/cases/{id}", "GET /api/v1/cases/{id}/history" -> {
                values.put("id", Long.toString(caseId));
                jurisdiction = true;
            }
            case "POST /api/v1/cases/{id}/actions/{action}" -> {
                values.put("id", Long.toString(caseId));
                values.put("action", "file");
                body = "{\"version\": -1}";
                jurisdiction = true;
            }
            case "GET /api/v1/geo/divisions/{code}" -> {
                values.put("code", TinyCity.WEST_STREET);
                jurisdiction = true;
            }
            case "POST /api/v1/auth/tokens" -> basic = true;
            case "POST /open311/v2/requests.{format}" -> {
                query.put("api_key", open311Key);
                contentType = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
                body = "";
            }
            case "POST /api/v1/legislation/bills", "POST /api/v1/legislation/bills/{id}/versions" -> {
                contentType = MediaType.TEXT_PLAIN_VALUE;
                body = "";
            }
            case "GET /api/v1/telemetry/sensors", "GET /api/v1/telemetry/alerts", "GET /api/v1/vitals",
                    "GET /api/v1/vitals/stream" -> {
                query.put("division", TinyCity.DISTRICT);
                jurisdiction = true;
            }
            default -> {
            }
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
        for (Map<String, Object> p : parameters) {
            String name = (String) p.get("name");
            if ("query".equals(p.get("in")) && Boolean.TRUE.equals(p.get("required"))) {
                query.putIfAbsent(name, dummyQuery(name));
            }
        }
        if (isArray(operation)) {
            body = "[]";
        }
        Matcher m = VARIABLE.matcher(row.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(values.getOrDefault(m.group(1), dummyVariable(m.group(1)))));
        }
        m.appendTail(path);
        HttpMethod method = HttpMethod.valueOf(row.method());
        boolean write = method != HttpMethod.GET && method != HttpMethod.HEAD;
        return new Probe(method, path.toString(), query, contentType, write ? body : null, basic, jurisdiction);
    }

    /** Whether the operation's JSON body is an array (then the dummy body is an empty one). */
    static boolean isArray(Map<String, Object> operation) {
        try {
            return "array".equals(JsonPath.read(operation, "$.requestBody.content['application/json'].schema.type"));
        } catch (com.jayway.jsonpath.PathNotFoundException e) {
            return false;
        }
    }

    static String dummyVariable(String name) {
        return switch (name) {
            case "format" -> "json";
            case "layer" -> "pipe-segments";
            case "collectionId" -> "parks";
            case "code" -> "water-supply";
            case "community" -> TinyCity.NORTH_WEST_COMMUNITY;
            case "action" -> "probe";
            case "version" -> "1";
            default -> NOWHERE;
        };
    }

    static String dummyQuery(String name) {
        return switch (name) {
            case "bbox" -> TinyCity.WEST + "," + TinyCity.SOUTH + "," + TinyCity.EAST + "," + TinyCity.NORTH;
            case "lon" -> Double.toString(TinyCity.pointInFirstGrid()[0]);
            case "lat" -> Double.toString(TinyCity.pointInFirstGrid()[1]);
            case "radius" -> "100";
            case "level" -> "district";
            case "date" -> "2026-11-25";
            default -> "x";
        };
    }

    int call(Probe probe, Role role, boolean in) throws Exception {
        MockHttpServletRequestBuilder r = request(probe.method(), probe.path());
        probe.query().forEach(r::queryParam);
        if (role != null && probe.basic()) {
            String name = role.administrator() ? ADMINISTRATORS.get(role) : (in ? "in." : "out.") + role.name().toLowerCase();
            r.header(HttpHeaders.AUTHORIZATION, Administrators.basic(name, role.administrator()
                    ? Administrators.NEW_PASSWORD : CaseFixtures.PASSWORD));
        } else if (role != null) {
            r.header(HttpHeaders.AUTHORIZATION, bearer((in ? inside : outside).get(role)));
        }
        if (probe.body() != null) {
            r.contentType(probe.contentType()).content(probe.body());
        }
        return mvc.perform(r).andReturn().getResponse().getStatus();
    }

    /** The operations of the running application's OpenAPI document, by "METHOD path". */
    Map<String, Map<String, Object>> operations() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(doc, "$.paths");
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                operations.put(method.toUpperCase() + " " + path, op);
            }
        }));
        return operations;
    }

    Map<String, Long> rowCounts() throws IOException {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = "
                        + "current_schema() and table_type in ('BASE TABLE', 'TABLE')")
                .query(String.class).list();
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            String name = table.toLowerCase();
            if (!BOOKKEEPING.contains(name)) {
                counts.put(name, jdbc.sql("select count(*) from " + name).query(Long.class).single());
            }
        }
        return counts;
    }
}

package org.megacity.cases.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Point;
import org.megacity.audit.AuditTrail;
import org.megacity.cases.CaseStatus;
import org.megacity.cases.Channel;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.identity.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) with FixMyStreet's
 * {@code servicerequestupdates}: services are the case categories, service requests are citizens'
 * reports (channels {@code open311} and {@code citizen}). Reads are public and never show the
 * reporter's name, email or phone; a POST needs an {@code api_key} issued by the system
 * administrator. Errors come as the spec's list of {@code {code, description}}.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Api {

    static final String JURISDICTION = "megacity";
    static final String SPEC = "http://wiki.open311.org/GeoReport_v2";
    static final Map<String, String> CHILDREN = Map.of("endpoints", "endpoint", "formats", "format", "keywords", "keyword",
            "attributes", "attribute", "values", "value");

    private final CaseService cases;
    private final Open311Keys keys;
    private final JdbcClient jdbc;
    private final Geography geography;
    private final AuditTrail audit;

    Open311Api(CaseService cases, Open311Keys keys, JdbcClient jdbc, Geography geography, AuditTrail audit) {
        this.cases = cases;
        this.keys = keys;
        this.jdbc = jdbc;
        this.geography = geography;
        this.audit = audit;
    }

    /** A failure in the spec's format. */
    static final class Open311Error extends RuntimeException {
        final HttpStatus status;

        Open311Error(HttpStatus status, String description) {
            super(description);
            this.status = status;
        }
    }

    private static String format(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("xml")) {
            throw new Open311Error(HttpStatus.NOT_FOUND, "unknown format '" + format + "': json or xml");
        }
        return f;
    }

    private static ResponseEntity<String> respond(HttpStatus status, String format, String root, String item, Object body) {
        boolean xml = "xml".equals(format);
        return ResponseEntity.status(status)
                .contentType(xml ? new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8)
                        : new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8))
                .body(xml ? Open311Output.xml(root, item, body, CHILDREN) : Open311Output.json(body));
    }

    private ResponseEntity<String> run(String format, String root, String item, java.util.function.Supplier<Object> body) {
        String f = "xml".equalsIgnoreCase(format) ? "xml" : "json";
        try {
            f = format(format);
            return respond(HttpStatus.OK, f, root, item, body.get());
        } catch (Open311Error e) {
            return error(f, e.status, e.getMessage());
        } catch (ErrorResponseException e) {
            HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
            return error(f, status == HttpStatus.UNPROCESSABLE_CONTENT ? HttpStatus.BAD_REQUEST : status,
                    e.getBody().getDetail());
        }
    }

    private static ResponseEntity<String> error(String format, HttpStatus status, String description) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", status.value());
        e.put("description", description);
        return respond(status, format, "errors", "error", List.of(e));
    }

    private static void jurisdiction(HttpServletRequest request) {
        String j = request.getParameter("jurisdiction_id");
        if (j != null && !j.isBlank() && !j.equals(JURISDICTION)) {
            throw new Open311Error(HttpStatus.NOT_FOUND, "unknown jurisdiction_id '" + j + "' (this endpoint serves "
                    + JURISDICTION + ")");
        }
    }

    // discovery

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
        return run(format, "discovery", "discovery", () -> {
            String base = request.getRequestURL().toString().replaceFirst("/discovery\\.[a-z]+$", "");
            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("specification", SPEC);
            endpoint.put("url", base);
            endpoint.put("changeset", "2026-11-29T00:00:00Z");
            endpoint.put("type", "production");
            endpoint.put("formats", List.of("text/xml", "application/json"));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("changeset", "2026-11-29T00:00:00Z");
            d.put("contact", "12345 Citizen Service Hotline Centre");
            d.put("key_service", "API keys are issued by the city's system administrator (docs/cases.md)");
            d.put("endpoints", List.of(endpoint));
            return d;
        });
    }

    // services

    private Map<String, Object> service(Category c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("service_code", c.code());
        s.put("service_name", c.name() + " / " + c.nameEn());
        s.put("description", c.majorName() + " · " + c.name() + " (" + c.majorNameEn() + ": " + c.nameEn()
                + "); handled within " + c.handle() + " working time");
        s.put("metadata", c.kind().equals("component"));
        s.put("type", "realtime");
        s.put("keywords", c.kind() + ", " + c.majorNameEn().toLowerCase(Locale.ROOT));
        s.put("group", c.majorName() + " / " + c.majorNameEn());
        return s;
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(@PathVariable String format, HttpServletRequest request) {
        return run(format, "services", "service", () -> {
            jurisdiction(request);
            return cases.catalogue().categories().stream().map(this::service).toList();
        });
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format, HttpServletRequest request) {
        return run(format, "service_definition", "service_definition", () -> {
            jurisdiction(request);
            Category c = category(code, HttpStatus.NOT_FOUND);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("service_code", c.code());
            List<Object> attributes = new ArrayList<>();
            if (c.kind().equals("component")) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("variable", true);
                a.put("code", "component_code");
                a.put("datatype", "string");
                a.put("required", false);
                a.put("datatype_description", "the component's code, e.g. 500103" + c.code().substring(1) + "000001");
                a.put("order", 1);
                a.put("description", "部件编码 / Component code, if known");
                attributes.add(a);
            }
            d.put("attributes", attributes);
            return d;
        });
    }

    private Category category(String code, HttpStatus status) {
        return cases.catalogue().category(code)
                .orElseThrow(() -> new Open311Error(status, "unknown service_code '" + code + "'"));
    }

    // requests

    @PostMapping("/requests.{format}")
    ResponseEntity<String> post(@PathVariable String format, HttpServletRequest request) {
        return run(format, "service_requests", "request", () -> {
            jurisdiction(request);
            String key = keys.check(request.getParameter("api_key"));
            if (key == null) {
                throw new Open311Error(HttpStatus.FORBIDDEN, request.getParameter("api_key") == null
                        ? "api_key is required" : "api_key is not valid");
            }
            String code = request.getParameter("service_code");
            if (code == null || code.isBlank()) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "service_code is required");
            }
            Category category = category(code.strip(), HttpStatus.BAD_REQUEST);
            String componentCode = null;
            for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                if (p.getKey().startsWith("attribute[")) {
                    String attr = p.getKey().substring(10, p.getKey().length() - (p.getKey().endsWith("]") ? 1 : 0));
                    if (!attr.equals("component_code") || !category.kind().equals("component")) {
                        throw new Open311Error(HttpStatus.BAD_REQUEST, "attribute '" + attr + "' is not defined for service "
                                + category.code());
                    }
                    componentCode = p.getValue()[0];
                }
            }
            Double lat = number(request, "lat");
            Double lon = number(request, "long");
            String address = request.getParameter("address_string");
            if ((lat == null) != (lon == null)) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "lat and long go together");
            }
            if (lat == null) {
                if (address == null || address.isBlank()) {
                    throw new Open311Error(HttpStatus.BAD_REQUEST, "a location is required: lat and long, or address_string");
                }
                double[] point = geocode(address).orElseThrow(() -> new Open311Error(HttpStatus.BAD_REQUEST,
                        "address_string names no community or street of the city; send lat and long"));
                lon = point[0];
                lat = point[1];
            }
            String name = join(request.getParameter("first_name"), request.getParameter("last_name"));
            String media = request.getParameter("media_url");
            String mediaProblem = media == null || media.isBlank() ? null : CaseService.mediaUrlProblem(media.strip());
            if (mediaProblem != null) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "media_url: " + mediaProblem);
            }
            // not in GeoReport v2: a client may send the Idempotency-Key header, its keys apart from other clients'
            CaseService.Reported reported = cases.createOnce(Actor.SYSTEM, "open311:" + key,
                    new CaseService.NewCase(Channel.OPEN311, category.code(), null, null,
                            request.getParameter("description"), address, lon, lat, componentCode,
                            "open311:" + key + (request.getParameter("device_id") == null ? "" : ":" + request.getParameter("device_id")),
                            name, request.getParameter("phone"), request.getParameter("email"), media),
                    IntakeKeys.checked(CasesApi.IDEMPOTENCY_KEY, request.getHeader(CasesApi.IDEMPOTENCY_KEY)));
            CaseFile c = reported.file();
            audit.record(Actor.SYSTEM, "case.open311-request", "case=" + c.id + ";key=" + key
                    + (reported.replayed() ? ";replayed" : ""), "ok");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("service_request_id", String.valueOf(c.id));
            r.put("token", c.token);
            r.put("service_notice", "handled within " + category.handle() + " working time once filed");
            r.put("account_id", null);
            return List.of(r);
        });
    }

    private static String join(String first, String last) {
        String n = ((first == null ? "" : first.strip()) + " " + (last == null ? "" : last.strip())).strip();
        return n.isEmpty() ? null : n;
    }

    private static Double number(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, name + " is not a number: '" + v + "'");
        }
    }

    /** The inner point of the community (or else street) whose name the address contains. */
    private Optional<double[]> geocode(String address) {
        for (DivisionLevel level : List.of(DivisionLevel.COMMUNITY, DivisionLevel.STREET)) {
            Division best = null;
            for (Division d : geography.divisions(level, null)) {
                if (!d.name().isBlank() && address.contains(d.name())
                        && (best == null || d.name().length() > best.name().length())) {
                    best = d;
                }
            }
            if (best != null) {
                Point p = best.boundary().getInteriorPoint();
                return Optional.of(new double[] {p.getX(), p.getY()});
            }
        }
        return Optional.empty();
    }

    private static final String PUBLIC = "channel in ('OPEN311', 'CITIZEN')";

    private Map<String, Object> request(CaseFile c) {
        CaseFile shown = c;
        if (c.mergedInto != null) {
            shown = cases.find(c.mergedInto).orElse(c);
        }
        Category cat = cases.catalogue().category(c.category).orElse(null);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", String.valueOf(c.id));
        r.put("status", shown.status.open() ? "open" : "closed");
        r.put("status_notes", c.mergedInto != null ? "merged into " + c.mergedInto + ": " + shown.status.nameZh() + " / "
                + shown.status.nameEn() : c.status.nameZh() + " / " + c.status.nameEn());
        r.put("service_name", cat == null ? c.category : cat.name() + " / " + cat.nameEn());
        r.put("service_code", c.category);
        r.put("description", c.description);
        r.put("agency_responsible", shown.departmentUnit);
        r.put("service_notice", null);
        r.put("requested_datetime", w3(c.reportedAt));
        r.put("updated_datetime", w3(shown.updatedAt));
        r.put("expected_datetime", w3(shown.dueAt));
        r.put("address", c.address);
        r.put("address_id", null);
        r.put("zipcode", null);
        r.put("lat", c.lat);
        r.put("long", c.lon);
        r.put("media_url", c.mediaUrl);
        return r;
    }

    private String w3(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, cases.calendar().zone()).toString();
    }

    private static Instant date(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, name + " must be a W3C date-time with a zone: '" + v + "'");
        }
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<String> list(@PathVariable String format, HttpServletRequest request) {
        return run(format, "service_requests", "request", () -> {
            jurisdiction(request);
            StringBuilder sql = new StringBuilder(CaseStore.SELECT + " where " + PUBLIC);
            List<Object> params = new ArrayList<>();
            String ids = request.getParameter("service_request_id");
            if (ids != null && !ids.isBlank()) {
                List<Long> list = new ArrayList<>();
                for (String id : ids.split(",")) {
                    try {
                        list.add(Long.parseLong(id.strip()));
                    } catch (NumberFormatException e) {
                        throw new Open311Error(HttpStatus.BAD_REQUEST, "service_request_id '" + id + "' is not a number");
                    }
                }
                sql.append(" and id in (").append("?, ".repeat(list.size() - 1)).append("?)");
                params.addAll(list);
            }
            String codes = request.getParameter("service_code");
            if (codes != null && !codes.isBlank()) {
                String[] list = codes.split(",");
                sql.append(" and category in (").append("?, ".repeat(list.length - 1)).append("?)");
                for (String s : list) {
                    params.add(s.strip());
                }
            }
            Instant start = date(request, "start_date");
            Instant end = date(request, "end_date");
            boolean byId = ids != null && !ids.isBlank();
            if (start == null && end == null && !byId) {
                start = cases.now().minus(java.time.Duration.ofDays(90));
            }
            if (start != null) {
                sql.append(" and reported_at >= ?");
                params.add(Timestamp.from(start));
            }
            if (end != null) {
                sql.append(" and reported_at <= ?");
                params.add(Timestamp.from(end));
            }
            String status = request.getParameter("status");
            if (status != null && !status.isBlank()) {
                List<String> states = new ArrayList<>();
                for (String s : status.split(",")) {
                    switch (s.strip().toLowerCase(Locale.ROOT)) {
                        case "open" -> states.addAll(List.of("REPORTED", "FILED", "DISPATCHED", "IN_PROGRESS", "SUSPENDED",
                                "HANDLED", "VERIFIED"));
                        case "closed" -> states.addAll(List.of("REJECTED", "CLOSED", "EVALUATED"));
                        default -> throw new Open311Error(HttpStatus.BAD_REQUEST, "status '" + s + "': open or closed");
                    }
                }
                sql.append(" and status in (").append("?, ".repeat(states.size() - 1)).append("?)");
                params.addAll(states);
            }
            sql.append(" order by reported_at desc limit 1000");
            return jdbc.sql(sql.toString()).params(params).query(CaseStore::read).list().stream().map(this::request).toList();
        });
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> one(@PathVariable String id, @PathVariable String format, HttpServletRequest request) {
        return run(format, "service_requests", "request", () -> {
            jurisdiction(request);
            long n;
            try {
                n = Long.parseLong(id);
            } catch (NumberFormatException e) {
                throw new Open311Error(HttpStatus.NOT_FOUND, "no service request " + id);
            }
            CaseFile c = cases.find(n).filter(x -> x.channel == Channel.OPEN311 || x.channel == Channel.CITIZEN)
                    .orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND, "no service request " + id));
            return List.of(request(c));
        });
    }

    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format, HttpServletRequest request) {
        return run(format, "service_requests", "request", () -> {
            jurisdiction(request);
            CaseFile c = cases.byToken(token).orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND, "no token " + token));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("service_request_id", String.valueOf(c.id));
            r.put("token", c.token);
            return List.of(r);
        });
    }

    @GetMapping("/servicerequestupdates.{format}")
    ResponseEntity<String> updates(@PathVariable String format, HttpServletRequest request) {
        return run(format, "service_request_updates", "request_update", () -> {
            jurisdiction(request);
            Instant start = date(request, "start_date");
            Instant end = date(request, "end_date");
            StringBuilder sql = new StringBuilder("""
                    select h.case_id, h.seq, h.at, h.action, h.to_status from cases_history h join cases_case c on c.id = h.case_id
                    where c.channel in ('OPEN311', 'CITIZEN') and h.seq > 1""");
            List<Object> params = new ArrayList<>();
            if (start != null) {
                sql.append(" and h.at >= ?");
                params.add(Timestamp.from(start));
            }
            if (end != null) {
                sql.append(" and h.at <= ?");
                params.add(Timestamp.from(end));
            }
            sql.append(" order by h.at, h.case_id, h.seq limit 1000");
            return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
                CaseStatus to = CaseStatus.valueOf(rs.getString("to_status"));
                Map<String, Object> u = new LinkedHashMap<>();
                u.put("update_id", rs.getLong("case_id") + "-" + rs.getInt("seq"));
                u.put("service_request_id", String.valueOf(rs.getLong("case_id")));
                u.put("status", to.open() ? "open" : "closed");
                u.put("updated_datetime", w3(rs.getTimestamp("at").toInstant()));
                u.put("description", rs.getString("action") + ": " + to.nameZh() + " / " + to.nameEn());
                u.put("media_url", null);
                return (Object) u;
            }).list();
        });
    }
}

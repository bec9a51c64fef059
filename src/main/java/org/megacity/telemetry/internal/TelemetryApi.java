package org.megacity.telemetry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.platform.Problems;
import org.megacity.telemetry.SensorType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sensors, readings, series, rules and alerts. Reads are limited to the caller's jurisdiction. */
@RestController
@RequestMapping("/api/v1/telemetry")
class TelemetryApi {

    static final String READERS = "hasAnyRole('SYSTEM_ADMIN','DISPATCHER','SUPERVISOR','DEPARTMENT_HANDLER','INSPECTOR')";
    static final String OPERATORS = "hasAnyRole('SYSTEM_ADMIN','DISPATCHER','SUPERVISOR')";

    private final Telemetry telemetry;
    private final SensorRegistry sensors;
    private final AlertStore alerts;
    private final RuleBook rules;
    private final CurrentActor current;
    private final JdbcClient jdbc;
    private final RuleAdministration ruleAdministration;

    TelemetryApi(Telemetry telemetry, SensorRegistry sensors, AlertStore alerts, RuleBook rules, CurrentActor current,
            JdbcClient jdbc, RuleAdministration ruleAdministration) {
        this.ruleAdministration = ruleAdministration;
        this.telemetry = telemetry;
        this.sensors = sensors;
        this.alerts = alerts;
        this.rules = rules;
        this.current = current;
        this.jdbc = jdbc;
    }

    record AssetRef(String type, Long id) {
    }

    record SensorIn(String id, String type, AssetRef asset, Integer intervalSeconds, String domain) {
    }

    record SensorView(String id, String type, String unit, double min, double max, AssetRef asset, String domain,
            double lon, double lat, String districtCode, String gridCode, int intervalSeconds, String status,
            boolean online, Instant latestTime, Double latestValue) {
    }

    SensorView view(Sensor s) {
        long t = sensors.latestTs(s.key());
        return new SensorView(s.id(), s.type().id(), s.type().unit(), s.type().min(), s.type().max(),
                new AssetRef(s.assetType(), s.assetId()), s.domain(), s.lon(), s.lat(), s.districtCode(), s.gridCode(),
                s.intervalSeconds(), s.status(), sensors.online(s, telemetry.now().toEpochMilli(), 3),
                t > 0 ? Instant.ofEpochMilli(t) : null, t > 0 ? sensors.latestValue(s.key()) : null);
    }

    @PostMapping("/sensors")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    ResponseEntity<Map<String, Object>> register(@RequestBody List<SensorIn> in) {
        if (in == null || in.isEmpty()) {
            throw Problems.invalid("body", "a JSON array of sensors");
        }
        List<Telemetry.NewSensor> list = new ArrayList<>();
        for (SensorIn s : in) {
            list.add(new Telemetry.NewSensor(s.id(), s.type(), s.asset() == null ? null : s.asset().type(),
                    s.asset() == null ? null : s.asset().id(), s.intervalSeconds(), s.domain()));
        }
        List<Sensor> done;
        try {
            done = telemetry.register(list);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            int colon = m.indexOf(": ");
            throw colon > 0 ? Problems.invalid(m.substring(0, colon), m.substring(colon + 2)) : Problems.invalid("body", m);
        }
        return ResponseEntity.created(URI.create("/api/v1/telemetry/sensors"))
                .body(Map.of("registered", done.size(), "sensors", done.stream().limit(100).map(this::view).toList()));
    }

    @GetMapping("/sensors")
    @PreAuthorize(READERS)
    Map<String, Object> list(@RequestParam(required = false) String type, @RequestParam(required = false) String division,
            @RequestParam(required = false) String asset, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Actor actor = current.get();
        if (type != null && SensorType.byId(type).isEmpty()) {
            throw Problems.invalid("type", "unknown sensor type " + type);
        }
        if (division != null && !actor.jurisdiction().covers(division)) {
            throw Problems.forbidden("division " + division + " is outside your jurisdiction");
        }
        String assetType = null;
        Long assetId = null;
        if (asset != null) {
            int slash = asset.indexOf('/');
            try {
                assetType = asset.substring(0, slash);
                assetId = Long.parseLong(asset.substring(slash + 1));
            } catch (RuntimeException e) {
                throw Problems.invalid("asset", "expected TYPE/ID, e.g. pipe-nodes/3");
            }
        }
        List<SensorView> out = new ArrayList<>();
        int matched = 0;
        for (Sensor s : sensors.all()) {
            if ((type != null && !s.type().id().equals(SensorType.byId(type).get().id()))
                    || (division != null && (s.gridCode() == null || !s.gridCode().startsWith(division)
                    && !(s.districtCode() != null && s.districtCode().startsWith(division))))
                    || (assetType != null && (!s.assetType().equals(assetType) || s.assetId() != assetId))
                    || !visible(actor, s.districtCode())) {
                continue;
            }
            if (matched++ >= offset && out.size() < Math.min(limit, 1000)) {
                out.add(view(s));
            }
        }
        return Map.of("total", matched, "sensors", out);
    }

    @GetMapping("/sensors/{id}")
    @PreAuthorize(READERS)
    SensorView one(@PathVariable String id) {
        Sensor s = sensors.byId(id);
        if (s == null || !visible(current.get(), s.districtCode())) {
            throw Problems.notFound("no sensor " + id);
        }
        return view(s);
    }

    static boolean visible(Actor actor, String district) {
        return actor.jurisdiction().citywide() || (district != null && actor.jurisdiction().covers(district));
    }

    @PostMapping(value = "/readings", consumes = {"application/json", "text/csv", "text/plain"})
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    Map<String, Object> readings(@RequestHeader("Content-Type") String contentType, InputStream body) throws IOException {
        List<Telemetry.RawReading> in;
        try {
            in = contentType.startsWith("application/json") ? ReadingParser.json(body, Telemetry.MAX_BATCH)
                    : ReadingParser.csv(body, Telemetry.MAX_BATCH);
        } catch (ReadingParser.TooMany e) {
            throw Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-many-readings", "Too many readings", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("body", e.getMessage());
        }
        return outcome(telemetry.ingest(in));
    }

    static Map<String, Object> outcome(Telemetry.Outcome o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("received", o.received());
        out.put("accepted", o.accepted());
        out.put("duplicates", o.duplicates());
        out.put("rejected", o.rejected().stream().limit(1000).toList());
        out.put("rejectedCount", o.rejected().size());
        out.put("alertsRaised", o.alertsRaised());
        out.put("alertsResolved", o.alertsResolved());
        return out;
    }

    record Point(Instant t, double min, double max, double mean, long count) {
    }

    @GetMapping("/sensors/{id}/series")
    @PreAuthorize(READERS)
    Map<String, Object> series(@PathVariable String id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String step) {
        Sensor s = sensors.byId(id);
        if (s == null || !visible(current.get(), s.districtCode())) {
            throw Problems.notFound("no sensor " + id);
        }
        Instant now = telemetry.now();
        Instant t1 = instant("to", to, now);
        Instant t0 = instant("from", from, t1.minus(Duration.ofHours(24)));
        if (!t0.isBefore(t1)) {
            throw Problems.invalid("from", "must be before to");
        }
        if (Duration.between(t0, t1).compareTo(Duration.ofDays(36_600)) > 0) {
            throw Problems.invalid("from", "a series spans at most 100 years");
        }
        long stepMs = step == null ? Math.max(60_000, Duration.between(t0, t1).toMillis() / 288 / 60_000 * 60_000)
                : duration(step);
        if (stepMs < 1000) {
            throw Problems.invalid("step", "at least 1 s");
        }
        long a = t0.toEpochMilli();
        long b = t1.toEpochMilli();
        if ((b - a) / stepMs > 10_000) {
            throw Problems.invalid("step", "more than 10000 points; take a larger step");
        }
        String source;
        String sql;
        boolean raw = a >= now.toEpochMilli() - telemetry.retention().toMillis() && b - a <= Duration.ofDays(2).toMillis();
        if (raw) {
            source = "raw";
            sql = "select b, min(v), max(v), sum(v), count(*) from (select (ts - ?) / ? b, val v from telemetry_readings "
                    + "where sensor_key = ? and ts >= ? and ts < ?) x group by b order by b";
        } else {
            source = stepMs >= 3_600_000 ? "1h" : "1m";
            String table = stepMs >= 3_600_000 ? "telemetry_rollup_1h" : "telemetry_rollup_1m";
            sql = "select b, min(mn), max(mx), sum(sm), sum(c) from (select (bucket - ?) / ? b, min_v mn, max_v mx, "
                    + "sum_v sm, n c from " + table + " where sensor_key = ? and bucket >= ? and bucket < ?) x group by b order by b";
        }
        List<Point> points = jdbc.sql(sql).params(a, stepMs, s.key(), a, b).query((rs, n) -> {
            long count = rs.getLong(5);
            return new Point(Instant.ofEpochMilli(a + rs.getLong(1) * stepMs), rs.getDouble(2), rs.getDouble(3),
                    count == 0 ? Double.NaN : rs.getDouble(4) / count, count);
        }).list();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sensor", id);
        out.put("unit", s.type().unit());
        out.put("from", t0);
        out.put("to", t1);
        out.put("stepSeconds", stepMs / 1000);
        out.put("source", source);
        out.put("points", points);
        return out;
    }

    private static Instant instant(String field, String text, Instant dflt) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            return Instant.ofEpochMilli(ReadingParser.parseTime(text));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, "expected ISO-8601 instant or epoch milliseconds");
        }
    }

    static long duration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(text.trim()).toMillis();
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> n * 1000;
                case 'm' -> n * 60_000;
                case 'h' -> n * 3_600_000;
                case 'd' -> n * 86_400_000;
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw Problems.invalid("step", "expected e.g. 30s, 1m, 1h, 1d or ISO-8601 PT5M");
        }
    }

    // alerts

    @GetMapping("/alerts")
    @PreAuthorize(READERS)
    Map<String, Object> alerts(@RequestParam(required = false) String status, @RequestParam(required = false) String division,
            @RequestParam(required = false) String sensor, @RequestParam(defaultValue = "200") int limit) {
        Actor actor = current.get();
        if (status != null && !List.of("open", "raised", "acknowledged", "resolved").contains(status)) {
            throw Problems.invalid("status", "one of open, raised, acknowledged, resolved");
        }
        if (division != null && !actor.jurisdiction().covers(division)) {
            throw Problems.forbidden("division " + division + " is outside your jurisdiction");
        }
        List<AlertStore.AlertRow> rows = alerts.list(status, division, sensor, Math.min(Math.max(limit, 1), 1000)).stream()
                .filter(a -> visible(actor, a.districtCode())).toList();
        return Map.of("alerts", rows);
    }

    @GetMapping("/alerts/{id}")
    @PreAuthorize(READERS)
    AlertStore.AlertRow alert(@PathVariable long id) {
        return alerts.find(id).filter(a -> visible(current.get(), a.districtCode()))
                .orElseThrow(() -> Problems.notFound("no alert " + id));
    }

    @PostMapping("/alerts/{id}/acknowledge")
    @PreAuthorize(OPERATORS)
    AlertStore.AlertRow acknowledge(@PathVariable long id) {
        Actor actor = current.get();
        AlertStore.AlertRow a = alert(id);
        if (!AlertStore.RAISED.equals(a.status())) {
            throw Problems.conflict("alert " + id + " is " + a.status());
        }
        alerts.acknowledge(id, actor.username(), telemetry.now());
        return alerts.find(id).orElseThrow();
    }

    // rules

    @GetMapping("/rules")
    @PreAuthorize(READERS)
    Map<String, Object> rules() {
        return Map.of("rules", rules.all());
    }

    @GetMapping("/rules/{id}")
    @PreAuthorize(READERS)
    Rule rule(@PathVariable long id) {
        return rules.find(id).orElseThrow(() -> Problems.notFound("no rule " + id));
    }

    /** Rules are settings of the platform: the system administrator manages them (docs/security.md §3). */
    static final String RULE_MANAGERS = "hasRole('SYSTEM_ADMIN')";

    @PostMapping("/rules")
    @PreAuthorize(RULE_MANAGERS)
    ResponseEntity<Rule> createRule(@RequestBody(required = false) RuleAdministration.RuleIn in) {
        Rule r = ruleAdministration.create(in);
        return ResponseEntity.created(URI.create("/api/v1/telemetry/rules/" + r.id())).body(r);
    }

    @org.springframework.web.bind.annotation.PutMapping("/rules/{id}")
    @PreAuthorize(RULE_MANAGERS)
    Rule updateRule(@PathVariable long id, @RequestBody(required = false) RuleAdministration.RuleIn in) {
        return ruleAdministration.update(id, in);
    }

    @PostMapping("/rules/{id}/disable")
    @PreAuthorize(RULE_MANAGERS)
    Rule disableRule(@PathVariable long id) {
        return ruleAdministration.enable(id, false);
    }

    @PostMapping("/rules/{id}/enable")
    @PreAuthorize(RULE_MANAGERS)
    Rule enableRule(@PathVariable long id) {
        return ruleAdministration.enable(id, true);
    }
}

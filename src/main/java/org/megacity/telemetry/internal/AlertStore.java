package org.megacity.telemetry.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The alerts table. Open = raised or acknowledged; at most one open alert per rule and sensor. */
@Component
class AlertStore {

    static final String RAISED = "raised";
    static final String ACKNOWLEDGED = "acknowledged";
    static final String RESOLVED = "resolved";

    record AlertRow(long id, long ruleId, String sensorId, String sensorType, String assetType, long assetId, String domain,
            String districtCode, double lon, double lat, int severity, String status, String message, Double value,
            Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, Long caseId,
            String caseNote) {
    }

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Rule rule, Sensor s, double value, String message, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into telemetry_alerts (rule_id, sensor_id, sensor_type, asset_type, asset_id, domain, district_code, "
                        + "lon, lat, severity, status, message, value_at_raise, raised_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(rule.id(), s.id(), s.type().id(), s.assetType(), s.assetId(), s.domain(), s.districtCode(), s.lon(),
                        s.lat(), rule.severity(), RAISED, message.length() > 500 ? message.substring(0, 500) : message,
                        Double.isNaN(value) ? null : value, Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Resolves the open alert of a rule on a sensor; returns its id if there was one. */
    Optional<Long> resolve(long ruleId, String sensorId, Instant at) {
        Optional<Long> id = jdbc.sql("select id from telemetry_alerts where rule_id = ? and sensor_id = ? and status in ('raised', "
                + "'acknowledged')").params(ruleId, sensorId).query(Long.class).optional();
        id.ifPresent(i -> jdbc.sql("update telemetry_alerts set status = 'resolved', resolved_at = ? where id = ?")
                .params(Timestamp.from(at), i).update());
        return id;
    }

    boolean acknowledge(long id, String by, Instant at) {
        return jdbc.sql("update telemetry_alerts set status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ? "
                + "where id = ? and status = 'raised'").params(Timestamp.from(at), by, id).update() == 1;
    }

    void linkCase(long id, long caseId) {
        jdbc.sql("update telemetry_alerts set case_id = ? where id = ?").params(caseId, id).update();
    }

    int annotateCase(long caseId, String note) {
        return jdbc.sql("update telemetry_alerts set case_note = ? where case_id = ?").params(note, caseId).update();
    }

    Optional<AlertRow> find(long id) {
        return jdbc.sql("select * from telemetry_alerts where id = ?").param(id).query(AlertStore::row).optional();
    }

    /** Open alerts: rule id and sensor id, for restoring the engine's state. */
    List<Map.Entry<Long, String>> open() {
        return jdbc.sql("select rule_id, sensor_id from telemetry_alerts where status in ('raised', 'acknowledged')")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
    }

    List<AlertRow> list(String status, String division, String sensorId, int limit) {
        StringBuilder sql = new StringBuilder("select * from telemetry_alerts where 1 = 1");
        List<Object> params = new ArrayList<>();
        if ("open".equals(status)) {
            sql.append(" and status in ('raised', 'acknowledged')");
        } else if (status != null) {
            sql.append(" and status = ?");
            params.add(status);
        }
        if (division != null) {
            sql.append(" and district_code like ?");
            params.add(division.substring(0, Math.min(6, division.length())) + "%");
        }
        if (sensorId != null) {
            sql.append(" and sensor_id = ?");
            params.add(sensorId);
        }
        sql.append(" order by id desc limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(AlertStore::row).list();
    }

    /** Open alerts counted by domain, within a district prefix (null: the city). */
    Map<String, Integer> openByDomain(String districtPrefix) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        jdbc.sql("select domain, count(*) from telemetry_alerts where status in ('raised', 'acknowledged')"
                        + (districtPrefix == null ? "" : " and district_code like ?") + " group by domain")
                .params(districtPrefix == null ? List.of() : List.of(districtPrefix + "%"))
                .query(rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    /** Alerts raised per hour over the last 24 hours (oldest first), within a district prefix. */
    int[] raisedPerHour(String districtPrefix, Instant now) {
        int[] out = new int[24];
        Instant from = now.minusSeconds(24 * 3600);
        jdbc.sql("select raised_at from telemetry_alerts where raised_at > ?"
                        + (districtPrefix == null ? "" : " and district_code like ?"))
                .params(districtPrefix == null ? List.of(Timestamp.from(from)) : List.of(Timestamp.from(from), districtPrefix + "%"))
                .query(rs -> {
                    Instant t = rs.getObject(1, OffsetDateTime.class).toInstant();
                    int h = (int) ((t.getEpochSecond() - from.getEpochSecond()) / 3600);
                    if (h >= 0 && h < 24) {
                        out[h]++;
                    }
                });
        return out;
    }

    private static AlertRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AlertRow(rs.getLong("id"), rs.getLong("rule_id"), rs.getString("sensor_id"), rs.getString("sensor_type"),
                rs.getString("asset_type"), rs.getLong("asset_id"), rs.getString("domain"), rs.getString("district_code"),
                rs.getDouble("lon"), rs.getDouble("lat"), rs.getInt("severity"), rs.getString("status"),
                rs.getString("message"), (Double) rs.getObject("value_at_raise", Double.class), instant(rs, "raised_at"),
                instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), instant(rs, "resolved_at"),
                (Long) rs.getObject("case_id", Long.class), rs.getString("case_note"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}

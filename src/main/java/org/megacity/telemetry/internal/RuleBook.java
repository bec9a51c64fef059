package org.megacity.telemetry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rules, cached: per sensor type, with per-asset overrides replacing the type's rules of the same kind. */
@Component
class RuleBook {

    private final JdbcClient jdbc;
    private volatile Map<String, List<Rule>> byType = Map.of();
    private volatile Map<String, List<Rule>> overrides = Map.of();
    private volatile List<Rule> all = List.of();
    private volatile Map<String, List<Rule>> compositeByOther = Map.of();

    RuleBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
        reload();
    }

    final void reload() {
        List<Rule> rules = jdbc.sql("select * from telemetry_rules order by id").query((rs, n) -> new Rule(rs.getLong("id"),
                rs.getString("name"), rs.getString("sensor_type"), rs.getString("asset_type"),
                (Long) rs.getObject("asset_id", Long.class), rs.getString("kind"), rs.getString("direction"),
                rs.getDouble("limit_v"), rs.getDouble("hysteresis"), rs.getInt("min_duration_s"), rs.getInt("hold_s"),
                rs.getDouble("drop_pct"), rs.getInt("window_s"), rs.getInt("stale_intervals"), rs.getString("other_type"),
                rs.getString("other_direction"), rs.getDouble("other_limit"), rs.getInt("severity"),
                rs.getString("category"), rs.getBoolean("enabled"), rs.getDouble("radius_m"))).list();
        Map<String, List<Rule>> t = new HashMap<>();
        Map<String, List<Rule>> o = new HashMap<>();
        for (Rule r : rules) {
            if (!r.enabled()) {
                continue;
            }
            if (r.override()) {
                o.computeIfAbsent(r.assetType() + "/" + r.assetId() + "/" + r.sensorType(), k -> new ArrayList<>()).add(r);
            } else {
                t.computeIfAbsent(r.sensorType(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, List<Rule>> c = new HashMap<>();
        for (Rule r : rules) {
            if (r.enabled() && Rule.COMPOSITE.equals(r.kind()) && r.otherType() != null) {
                c.computeIfAbsent(r.otherType(), k -> new ArrayList<>()).add(r);
            }
        }
        byType = t;
        overrides = o;
        compositeByOther = c;
        all = rules;
    }

    List<Rule> all() {
        return all;
    }

    /** The enabled composite rules whose other sensor is of this type. */
    List<Rule> compositeWithOther(String sensorType) {
        return compositeByOther.getOrDefault(sensorType, List.of());
    }

    /** The rules that apply to a sensor. */
    List<Rule> forSensor(Sensor s) {
        List<Rule> base = byType.getOrDefault(s.type().id(), List.of());
        List<Rule> own = overrides.isEmpty() ? null
                : overrides.get(s.assetType() + "/" + s.assetId() + "/" + s.type().id());
        if (own == null) {
            return base;
        }
        List<Rule> out = new ArrayList<>(own);
        for (Rule r : base) {
            if (own.stream().noneMatch(x -> x.kind().equals(r.kind()))) {
                out.add(r);
            }
        }
        return out;
    }

    java.util.Optional<Rule> find(long id) {
        return all.stream().filter(r -> r.id() == id).findFirst();
    }

    /** Stores a new rule (in the caller's transaction; {@link #reload()} after commit makes it effective). */
    long create(Rule r) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into telemetry_rules (name, sensor_type, asset_type, asset_id, kind, direction, limit_v, hysteresis, "
                        + "min_duration_s, hold_s, drop_pct, window_s, stale_intervals, other_type, other_direction, other_limit, "
                        + "severity, category, enabled, radius_m) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.name(), r.sensorType(), r.assetType(), r.assetId(), r.kind(), r.direction(), r.limit(),
                        r.hysteresis(), r.minDurationSeconds(), r.holdSeconds(), r.dropPercent(), r.windowSeconds(),
                        r.staleIntervals(), r.otherType(), r.otherDirection(), r.otherLimit(), r.severity(), r.category(),
                        r.enabled(), r.radiusMetres() > 0 ? r.radiusMetres() : null)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Replaces a rule's definition (same transaction rule as {@link #create}); false when there is no such rule. */
    boolean update(Rule r) {
        return jdbc.sql("update telemetry_rules set name = ?, sensor_type = ?, asset_type = ?, asset_id = ?, kind = ?, "
                        + "direction = ?, limit_v = ?, hysteresis = ?, min_duration_s = ?, hold_s = ?, drop_pct = ?, window_s = ?, "
                        + "stale_intervals = ?, other_type = ?, other_direction = ?, other_limit = ?, severity = ?, category = ?, "
                        + "enabled = ?, radius_m = ? where id = ?")
                .params(r.name(), r.sensorType(), r.assetType(), r.assetId(), r.kind(), r.direction(), r.limit(),
                        r.hysteresis(), r.minDurationSeconds(), r.holdSeconds(), r.dropPercent(), r.windowSeconds(),
                        r.staleIntervals(), r.otherType(), r.otherDirection(), r.otherLimit(), r.severity(), r.category(),
                        r.enabled(), r.radiusMetres() > 0 ? r.radiusMetres() : null, r.id())
                .update() == 1;
    }
}

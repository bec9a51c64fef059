package org.megacity.telemetry.internal;

import java.util.List;
import org.megacity.telemetry.AlertRuleDefinition;
import org.megacity.telemetry.AlertRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link AlertRules} over {@code telemetry_rules} and the {@link RuleBook}. */
@Component
class RuleDefinitions implements AlertRules {

    private final JdbcClient jdbc;
    private final RuleBook book;

    RuleDefinitions(JdbcClient jdbc, RuleBook book) {
        this.jdbc = jdbc;
        this.book = book;
    }

    @Override
    public List<AlertRuleDefinition> typeRules() {
        return jdbc.sql("select * from telemetry_rules where asset_id is null order by id")
                .query((rs, n) -> new AlertRuleDefinition(rs.getString("name"), rs.getString("sensor_type"),
                        rs.getString("kind"), rs.getString("direction"), rs.getObject("limit_v", Double.class),
                        rs.getDouble("hysteresis"), rs.getInt("min_duration_s"), rs.getInt("hold_s"),
                        rs.getObject("drop_pct", Double.class), rs.getObject("window_s", Integer.class),
                        rs.getObject("stale_intervals", Integer.class), rs.getString("other_type"),
                        rs.getString("other_direction"), rs.getObject("other_limit", Double.class),
                        rs.getInt("severity"), rs.getString("category"), rs.getBoolean("enabled")))
                .list();
    }

    @Override
    public int assetOverrides() {
        return jdbc.sql("select count(*) from telemetry_rules where asset_id is not null").query(Integer.class).single();
    }

    @Override
    public void replaceTypeRules(List<AlertRuleDefinition> rules) {
        jdbc.sql("delete from telemetry_rules where asset_id is null").update();
        for (AlertRuleDefinition r : rules) {
            jdbc.sql("insert into telemetry_rules (name, sensor_type, kind, direction, limit_v, hysteresis, min_duration_s,"
                            + " hold_s, drop_pct, window_s, stale_intervals, other_type, other_direction, other_limit,"
                            + " severity, category, enabled) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                    .params(r.name(), r.sensorType(), r.kind(), r.direction(), r.limit(), r.hysteresis(),
                            r.minDurationSeconds(), r.holdSeconds(), r.dropPercent(), r.windowSeconds(),
                            r.staleIntervals(), r.otherType(), r.otherDirection(), r.otherLimit(), r.severity(),
                            r.category(), r.enabled())
                    .update();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    book.reload();
                }
            });
        } else {
            book.reload();
        }
    }
}

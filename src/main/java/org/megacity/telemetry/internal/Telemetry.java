package org.megacity.telemetry.internal;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.megacity.assets.Asset;
import org.megacity.assets.AssetRegistry;
import org.megacity.assets.AssetType;
import org.megacity.assets.PipeNode;
import org.megacity.assets.PipeSegment;
import org.megacity.assets.Utility;
import org.megacity.geo.CoordinateFrame;
import org.megacity.geo.Geography;
import org.megacity.geo.Location;
import org.megacity.platform.PlainText;
import org.megacity.telemetry.AlertRaised;
import org.megacity.telemetry.AlertResolved;
import org.megacity.telemetry.SensorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration of sensors and ingestion of readings: validation per reading, an idempotent batch
 * insert, the latest value, rule evaluation and alert changes, all in the caller's one transaction
 * (the batch is acknowledged after it commits). Also the scheduled stale check, rollups and retention.
 */
@Service
public class Telemetry {

    private static final Logger log = LoggerFactory.getLogger(Telemetry.class);
    static final int MAX_BATCH = 100_000;

    /** One reading as received; {@code problem} set when it could not even be parsed. */
    record RawReading(int index, String sensorId, Long ts, Double value, String messageId, String problem) {
    }

    record Rejection(int index, String sensorId, String reason) {
    }

    record Outcome(int received, int accepted, int duplicates, List<Rejection> rejected, int alertsRaised,
            int alertsResolved) {
    }

    /** A sensor and an instant: the natural key of a reading. */
    record Pair(int key, long ts) {
    }

    record NewSensor(String id, String type, String assetType, Long assetId, Integer intervalSeconds, String domain) {
    }

    private final SensorRegistry sensors;
    private final RuleBook rules;
    private final AlertStore alerts;
    private final AssetRegistry assets;
    private final Geography geography;
    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration retention;
    private final Duration maxFuture;
    private final RuleEngine engine = new RuleEngine();
    private final Set<Long> dirtyMinutes = new ConcurrentSkipListSet<>();
    private final AtomicLong readingsAccepted = new AtomicLong();
    private volatile Map<String, int[]> assetSensors;

    Telemetry(SensorRegistry sensors, RuleBook rules, AlertStore alerts, AssetRegistry assets, Geography geography,
            JdbcTemplate jdbcTemplate, JdbcClient jdbc, ApplicationEventPublisher events,
            @Value("${megacity.telemetry.raw-retention:30d}") Duration retention,
            @Value("${megacity.telemetry.max-future:5m}") Duration maxFuture) {
        this.sensors = sensors;
        this.rules = rules;
        this.alerts = alerts;
        this.assets = assets;
        this.geography = geography;
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = Clock.systemUTC();
        this.retention = retention;
        this.maxFuture = maxFuture;
        restoreOpenAlerts();
    }

    private void restoreOpenAlerts() {
        for (Map.Entry<Long, String> open : alerts.open()) {
            Sensor s = sensors.byId(open.getValue());
            if (s != null) {
                engine.markOpen(open.getKey(), s.key());
            }
        }
    }

    Instant now() {
        return clock.instant();
    }

    Duration retention() {
        return retention;
    }

    SensorRegistry sensors() {
        return sensors;
    }

    long readingsAccepted() {
        return readingsAccepted.get();
    }

    // registration

    /** Registers sensors (all or none); each names an existing asset. Throws IllegalArgumentException naming the index. */
    @Transactional
    public List<Sensor> register(List<NewSensor> in) {
        List<Sensor> fresh = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Instant now = now();
        for (int i = 0; i < in.size(); i++) {
            NewSensor n = in.get(i);
            String at = "[" + i + "]";
            if (n.id() == null || n.id().isBlank() || n.id().length() > 64 || n.id().contains("/")) {
                throw new IllegalArgumentException(at + ".id: required, at most 64 characters, no '/'");
            }
            if (sensors.byId(n.id()) != null || !ids.add(n.id())) {
                throw new IllegalArgumentException(at + ".id: sensor " + n.id() + " exists");
            }
            SensorType type = SensorType.byId(n.type())
                    .orElseThrow(() -> new IllegalArgumentException(at + ".type: unknown sensor type " + n.type()));
            AssetType assetType = AssetType.byId(n.assetType())
                    .orElseThrow(() -> new IllegalArgumentException(at + ".asset.type: unknown asset type " + n.assetType()));
            if (n.assetId() == null) {
                throw new IllegalArgumentException(at + ".asset.id: required");
            }
            Asset asset = assets.find(assetType, n.assetId())
                    .orElseThrow(() -> new IllegalArgumentException(at + ".asset: no " + assetType.id() + " " + n.assetId()));
            int interval = n.intervalSeconds() == null ? 60 : n.intervalSeconds();
            if (interval < 1 || interval > 86_400) {
                throw new IllegalArgumentException(at + ".intervalSeconds: between 1 and 86400");
            }
            var centre = asset.envelope().centre();
            Location loc = geography.locate(centre.x, centre.y, CoordinateFrame.WGS84).orElse(null);
            String domain = n.domain() != null ? n.domain() : domainOf(asset, type);
            fresh.add(new Sensor(0, n.id(), type, assetType.id(), n.assetId(), domain, centre.x, centre.y,
                    loc == null ? null : loc.district().code(), loc == null ? null : loc.grid().code(), interval, "active",
                    now));
        }
        List<Sensor> out = sensors.register(fresh);
        assetSensors = null;
        return out;
    }

    /** The vital-sign domain of a sensor from its asset (DOMAIN.md §4). */
    static String domainOf(Asset asset, SensorType type) {
        Utility u = asset instanceof PipeNode p ? p.utility() : asset instanceof PipeSegment s ? s.utility() : null;
        if (u != null) {
            return switch (u) {
                case WATER_SUPPLY -> "water";
                case GAS -> "gas";
                case POWER -> "power";
                case TELECOM -> "telecom";
                default -> "pipe-networks";
            };
        }
        return switch (type) {
            case STRAIN, DISPLACEMENT, VIBRATION, CROWD_COUNT -> "bridges";
            case METHANE -> "gas";
            case WATER_LEVEL -> "water";
            default -> "pipe-networks";
        };
    }

    // ingestion

    @Transactional
    public Outcome ingest(List<RawReading> in) {
        Instant now = now();
        long nowMs = now.toEpochMilli();
        long newest = nowMs + maxFuture.toMillis();
        long oldest = nowMs - retention.toMillis();
        List<Rejection> rejected = new ArrayList<>();
        int n = in.size();
        int[] keys = new int[n];
        long[] ts = new long[n];
        double[] vals = new double[n];
        String[] msg = new String[n];
        int[] index = new int[n];
        int m = 0;
        int duplicates = 0;
        Set<Pair> seen = new HashSet<>();
        Set<String> seenMsg = new HashSet<>();
        for (RawReading r : in) {
            String reason = r.problem();
            Sensor s = null;
            if (reason == null) {
                s = sensors.byId(r.sensorId());
                if (r.sensorId() == null) {
                    reason = "missing sensor id";
                } else if (s == null) {
                    reason = "unknown sensor";
                } else if (r.ts() == null) {
                    reason = "missing time";
                } else if (r.value() == null) {
                    reason = "missing value";
                } else if (r.value().isNaN() || r.value().isInfinite()) {
                    reason = "value is not a number";
                } else if (!s.type().inRange(r.value())) {
                    reason = "value " + r.value() + " outside the physical range [" + s.type().min() + ", " + s.type().max()
                            + "] " + s.type().unit();
                } else if (r.ts() > newest) {
                    reason = "time too far in the future";
                } else if (r.ts() < oldest) {
                    reason = "time older than the raw retention";
                } else if (r.messageId() != null && r.messageId().length() > 64) {
                    reason = "message id longer than 64 characters";
                } else if (PlainText.problem(r.messageId()) != null) {
                    reason = "message id " + PlainText.problem(r.messageId());
                }
            }
            if (reason != null) {
                rejected.add(new Rejection(r.index(), r.sensorId(), reason));
                continue;
            }
            if (!seen.add(new Pair(s.key(), r.ts())) || (r.messageId() != null && !seenMsg.add(r.messageId()))) {
                duplicates++;
                continue;
            }
            keys[m] = s.key();
            ts[m] = r.ts();
            vals[m] = r.value();
            msg[m] = r.messageId();
            index[m] = r.index();
            m++;
        }
        final int count = m;
        int[] inserted = insert(keys, ts, vals, msg, count);
        List<Integer> fresh = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (inserted[i] == 0) {
                duplicates++;
            } else {
                fresh.add(i);
                dirtyMinutes.add(ts[i] / 60_000 * 60_000);
            }
        }
        fresh.sort(Comparator.comparingLong(i -> ts[i]));
        int raised = 0;
        int resolved = 0;
        List<RuleEngine.Transition> transitions = new ArrayList<>();
        synchronized (engine) {
            for (int i : fresh) {
                int key = keys[i];
                if (!sensors.offerLatest(key, ts[i], vals[i])) {
                    continue; // out of order: stored, not evaluated
                }
                Sensor s = sensors.byKey(key);
                for (Rule rule : rules.forSensor(s)) {
                    if (Rule.STALE.equals(rule.kind())) {
                        if (engine.isOpen(rule.id(), key)) {
                            engine.onStaleCheck(rule, key, ts[i], ts[i], s.intervalSeconds(), transitions);
                        }
                        continue;
                    }
                    int[] siblings = Rule.COMPOSITE.equals(rule.kind()) ? siblings(s, rule.otherType()) : null;
                    engine.onReading(rule, key, ts[i], vals[i], siblings, sensors::latestValue, transitions);
                }
                // a sensor of the other type of a composite rule wakes the rule's sensors on the same asset
                for (Rule rule : compositeRulesWithOther(s)) {
                    for (int primary : siblings(s, rule.sensorType())) {
                        if (sensors.latestTs(primary) > 0) {
                            engine.onReading(rule, primary, ts[i], sensors.latestValue(primary),
                                    siblings(sensors.byKey(primary), rule.otherType()), sensors::latestValue, transitions);
                        }
                    }
                }
            }
            for (RuleEngine.Transition t : transitions) {
                if (apply(t, now)) {
                    raised++;
                } else {
                    resolved++;
                }
            }
        }
        readingsAccepted.addAndGet(fresh.size());
        return new Outcome(n, fresh.size(), duplicates, rejected, raised, resolved);
    }

    /** Stores an alert change and publishes its event; returns true for a raise. */
    private boolean apply(RuleEngine.Transition t, Instant now) {
        Sensor s = sensors.byKey(t.sensorKey());
        Instant at = Instant.ofEpochMilli(Math.min(t.t(), now.toEpochMilli()));
        if (t.step() == AlertState.Step.RAISE) {
            long id = alerts.insert(t.rule(), s, t.value(), t.message(), at);
            events.publishEvent(new AlertRaised(id, t.rule().id(), s.id(), t.rule().severity(), t.rule().category(),
                    s.domain(), s.districtCode(), s.lon(), s.lat(), t.message(), at));
            return true;
        }
        alerts.resolve(t.rule().id(), s.id(), at).ifPresent(id -> events.publishEvent(new AlertResolved(id, s.id(), at)));
        return false;
    }

    private List<Rule> compositeRulesWithOther(Sensor s) {
        List<Rule> out = null;
        for (Rule r : rules.all()) {
            if (r.enabled() && Rule.COMPOSITE.equals(r.kind()) && s.type().id().equals(r.otherType())) {
                if (out == null) {
                    out = new ArrayList<>();
                }
                out.add(r);
            }
        }
        return out == null ? List.of() : out;
    }

    /** The keys of the other sensors of the same asset with the given type. */
    private int[] siblings(Sensor s, String type) {
        Map<String, int[]> index = assetSensors;
        if (index == null) {
            Map<String, List<Integer>> build = new HashMap<>();
            for (Sensor x : sensors.all()) {
                build.computeIfAbsent(x.assetType() + "/" + x.assetId() + "/" + x.type().id(), k -> new ArrayList<>())
                        .add(x.key());
            }
            Map<String, int[]> done = new HashMap<>();
            build.forEach((k, v) -> done.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            assetSensors = index = done;
        }
        int[] all = index.getOrDefault(s.assetType() + "/" + s.assetId() + "/" + type, new int[0]);
        return java.util.Arrays.stream(all).filter(k -> k != s.key()).toArray();
    }

    private static final String INSERT = "insert into telemetry_readings (sensor_key, ts, val, message_id) values (?, ?, ?, ?) "
            + "on conflict do nothing";

    private volatile Boolean postgres;

    private boolean postgres() {
        Boolean pg = postgres;
        if (pg == null) {
            pg = jdbcTemplate.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()
                    .toLowerCase(java.util.Locale.ROOT).contains("postgres"));
            postgres = pg;
        }
        return pg;
    }

    private int[] insert(int[] keys, long[] ts, double[] vals, String[] msg, int count) {
        if (count > 0 && postgres()) {
            return copy(keys, ts, vals, msg, count);
        }
        return batch(keys, ts, vals, msg, count);
    }

    /**
     * PostgreSQL: COPY the readings into a temporary table, then one {@code insert … select … on
     * conflict do nothing returning} tells which were new (the batch holds no (sensor, time) twice).
     */
    private int[] copy(int[] keys, long[] ts, double[] vals, String[] msg, int count) {
        return jdbcTemplate.execute((java.sql.Connection c) -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("create temporary table if not exists telemetry_incoming (sensor_key integer, ts bigint, "
                        + "val double precision, message_id varchar(64)) on commit delete rows");
                st.execute("truncate telemetry_incoming");
            }
            StringBuilder csv = new StringBuilder(count * 32);
            for (int i = 0; i < count; i++) {
                csv.append(keys[i]).append(',').append(ts[i]).append(',').append(vals[i]).append(',');
                if (msg[i] != null) {
                    csv.append('"').append(msg[i].replace("\"", "\"\"")).append('"');
                }
                csv.append('\n');
            }
            org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            try {
                copy.copyIn("copy telemetry_incoming from stdin (format csv)", new java.io.StringReader(csv.toString()));
            } catch (java.io.IOException e) {
                throw new java.sql.SQLException(e);
            }
            java.util.Map<Pair, Integer> at = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                at.put(new Pair(keys[i], ts[i]), i);
            }
            int[] out = new int[count];
            try (java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("insert into telemetry_readings (sensor_key, ts, val, message_id) "
                            + "select sensor_key, ts, val, message_id from telemetry_incoming on conflict do nothing "
                            + "returning sensor_key, ts")) {
                while (rs.next()) {
                    Integer i = at.get(new Pair(rs.getInt(1), rs.getLong(2)));
                    if (i != null) {
                        out[i] = 1;
                    }
                }
            }
            return out;
        });
    }

    private int[] batch(int[] keys, long[] ts, double[] vals, String[] msg, int count) {
        int[] out = new int[count];
        int chunk = 5_000;
        for (int from = 0; from < count; from += chunk) {
            final int base = from;
            final int size = Math.min(chunk, count - from);
            int[] r = jdbcTemplate.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
                    int j = base + i;
                    ps.setInt(1, keys[j]);
                    ps.setLong(2, ts[j]);
                    ps.setDouble(3, vals[j]);
                    if (msg[j] == null) {
                        ps.setNull(4, Types.VARCHAR);
                    } else {
                        ps.setString(4, msg[j]);
                    }
                }

                @Override
                public int getBatchSize() {
                    return size;
                }
            });
            for (int i = 0; i < size; i++) {
                // SUCCESS_NO_INFO (-2) counts as inserted
                out[base + i] = r[i] == 0 ? 0 : 1;
            }
        }
        return out;
    }

    // scheduled work

    /** Raises stale alerts for sensors silent for their rule's number of intervals. */
    @Scheduled(fixedDelayString = "${megacity.telemetry.stale-check:30s}", initialDelayString = "${megacity.telemetry.stale-check:30s}")
    @Transactional
    public void staleCheck() {
        long now = now().toEpochMilli();
        List<RuleEngine.Transition> transitions = new ArrayList<>();
        synchronized (engine) {
            for (Sensor s : sensors.all()) {
                for (Rule rule : rules.forSensor(s)) {
                    if (Rule.STALE.equals(rule.kind())) {
                        long last = Math.max(sensors.latestTs(s.key()), s.registeredAt().toEpochMilli());
                        engine.onStaleCheck(rule, s.key(), now, last, s.intervalSeconds(), transitions);
                    }
                }
            }
            for (RuleEngine.Transition t : transitions) {
                apply(t, now());
            }
        }
    }

    /** Recomputes the 1-minute and 1-hour rollups of the minutes that received readings. */
    @Scheduled(fixedDelayString = "${megacity.telemetry.rollup-interval:20s}", initialDelayString = "${megacity.telemetry.rollup-interval:20s}")
    @Transactional
    public void rollUp() {
        List<Long> minutes = new ArrayList<>(dirtyMinutes);
        Set<Long> hours = new HashSet<>();
        for (long minute : minutes) {
            dirtyMinutes.remove(minute);
            jdbc.sql("delete from telemetry_rollup_1m where bucket = ?").param(minute).update();
            jdbc.sql("insert into telemetry_rollup_1m (sensor_key, bucket, min_v, max_v, sum_v, n) select sensor_key, ?, "
                    + "min(val), max(val), sum(val), count(*) from telemetry_readings where ts >= ? and ts < ? group by sensor_key")
                    .params(minute, minute, minute + 60_000).update();
            hours.add(minute / 3_600_000 * 3_600_000);
        }
        for (long hour : hours) {
            jdbc.sql("delete from telemetry_rollup_1h where bucket = ?").param(hour).update();
            jdbc.sql("insert into telemetry_rollup_1h (sensor_key, bucket, min_v, max_v, sum_v, n) select sensor_key, ?, "
                    + "min(min_v), max(max_v), sum(sum_v), sum(n) from telemetry_rollup_1m where bucket >= ? and bucket < ? "
                    + "group by sensor_key").params(hour, hour, hour + 3_600_000).update();
        }
    }

    /** Drops raw readings older than the retention; rollups stay. */
    @Scheduled(fixedDelayString = "${megacity.telemetry.retention-interval:1h}", initialDelayString = "${megacity.telemetry.retention-interval:1h}")
    public void applyRetention() {
        long cutoff = now().toEpochMilli() - retention.toMillis();
        int n = jdbc.sql("delete from telemetry_readings where ts < ?").param(cutoff).update();
        if (n > 0) {
            log.info("telemetry: {} raw readings older than {} removed", n, retention);
        }
    }

    int engineStates() {
        synchronized (engine) {
            return engine.stateCount();
        }
    }
}

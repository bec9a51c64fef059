package org.megacity.telemetry.internal;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** Minutes whose rollups are behind their raw readings: minute → {first, last} marked (wall clock, ms). */
    private final Map<Long, long[]> dirtyMinutes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Duration rollupSettle;
    private final Duration rollupMaxWait;
    private final AtomicLong readingsAccepted = new AtomicLong();
    private volatile Map<String, int[]> assetSensors;
    private volatile Map<String, Neighbourhood> neighbourhoods = new java.util.concurrent.ConcurrentHashMap<>();

    Telemetry(SensorRegistry sensors, RuleBook rules, AlertStore alerts, AssetRegistry assets, Geography geography,
            JdbcTemplate jdbcTemplate, JdbcClient jdbc, ApplicationEventPublisher events,
            @Value("${megacity.telemetry.raw-retention:30d}") Duration retention,
            @Value("${megacity.telemetry.max-future:5m}") Duration maxFuture,
            @Value("${megacity.telemetry.rollup-settle:20s}") Duration rollupSettle,
            @Value("${megacity.telemetry.rollup-max-wait:5m}") Duration rollupMaxWait) {
        this.rollupSettle = rollupSettle;
        this.rollupMaxWait = rollupMaxWait;
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
        neighbourhoods = new java.util.concurrent.ConcurrentHashMap<>();
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

    /** Time spent in ingestion since start (ns): checking, storing, rules and alerts (before the commit). */
    private final AtomicLong[] phases = {new AtomicLong(), new AtomicLong(), new AtomicLong()};

    long[] phaseNanos() {
        return new long[] {phases[0].get(), phases[1].get(), phases[2].get()};
    }

    @Transactional
    public Outcome ingest(List<RawReading> in) {
        Instant now = now();
        long p0 = System.nanoTime();
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
        // (sensor, time) seen in this batch: open addressing over the accepted readings' positions + 1
        int slotsMask = Integer.highestOneBit(Math.max(16, n) * 2) * 2 - 1;
        int[] slots = new int[slotsMask + 1];
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
            int slot = slot(s.key(), r.ts(), slotsMask);
            boolean repeated = false;
            while (slots[slot] != 0) {
                int j = slots[slot] - 1;
                if (keys[j] == s.key() && ts[j] == r.ts()) {
                    repeated = true;
                    break;
                }
                slot = (slot + 1) & slotsMask;
            }
            if (repeated || (r.messageId() != null && !seenMsg.add(r.messageId()))) {
                duplicates++;
                continue;
            }
            slots[slot] = m + 1;
            keys[m] = s.key();
            ts[m] = r.ts();
            vals[m] = r.value();
            msg[m] = r.messageId();
            index[m] = r.index();
            m++;
        }
        final int count = m;
        long p1 = System.nanoTime();
        int[] inserted = insert(keys, ts, vals, msg, count);
        long p2 = System.nanoTime();
        List<Integer> fresh = new ArrayList<>(count);
        Set<Long> minutes = new HashSet<>();
        long lastMinute = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            if (inserted[i] == 0) {
                duplicates++;
            } else {
                fresh.add(i);
                long minute = ts[i] / 60_000 * 60_000;
                if (minute != lastMinute) {
                    minutes.add(minute);
                    lastMinute = minute;
                }
            }
        }
        markDirtyAfterCommit(minutes);
        // in time order (stable for equal times): the time since the batch's earliest reading and the index in one long
        long earliest = Long.MAX_VALUE;
        for (int i : fresh) {
            earliest = Math.min(earliest, ts[i]);
        }
        // (times lie within the raw retention and the allowed future: 35 bits for a year)
        final int shift = 64 - Long.numberOfLeadingZeros(Math.max(1, count));
        final long mask = (1L << shift) - 1;
        long[] order = new long[fresh.size()];
        for (int j = 0; j < order.length; j++) {
            int i = fresh.get(j);
            order[j] = ((ts[i] - earliest) << shift) | i;
        }
        java.util.Arrays.sort(order);
        int raised = 0;
        int resolved = 0;
        List<RuleEngine.Transition> transitions = new ArrayList<>();
        synchronized (engine) {
            for (long o : order) {
                int i = (int) (o & mask);
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
                    int[] siblings = Rule.COMPOSITE.equals(rule.kind()) ? partners(rule, s, rule.otherType()) : null;
                    engine.onReading(rule, key, ts[i], vals[i], siblings, sensors::latestValue, transitions);
                }
                // a sensor of the other type of a composite rule wakes the rule's sensors on the same asset
                // (or within the rule's radius)
                for (Rule rule : compositeRulesWithOther(s)) {
                    for (int primary : partners(rule, s, rule.sensorType())) {
                        Sensor p = sensors.byKey(primary);
                        if (sensors.latestTs(primary) > 0 && rules.forSensor(p).contains(rule)) {
                            engine.onReading(rule, primary, ts[i], sensors.latestValue(primary),
                                    partners(rule, p, rule.otherType()), sensors::latestValue, transitions);
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
        long p3 = System.nanoTime();
        phases[0].addAndGet(p1 - p0);
        phases[1].addAndGet(p2 - p1);
        phases[2].addAndGet(p3 - p2);
        return new Outcome(n, fresh.size(), duplicates, rejected, raised, resolved);
    }

    /**
     * After a rule was changed (in the caller's transaction): its rate windows start afresh; when it
     * no longer applies (disabled), its open alerts are resolved. Returns the number resolved.
     */
    int ruleChanged(long ruleId, boolean disabled) {
        Instant now = now();
        int resolved = 0;
        synchronized (engine) {
            engine.forget(ruleId, disabled);
            if (disabled) {
                for (Map.Entry<Long, String> open : alerts.open()) {
                    if (open.getKey() == ruleId) {
                        String sensorId = open.getValue();
                        var id = alerts.resolve(ruleId, sensorId, now);
                        if (id.isPresent()) {
                            events.publishEvent(new AlertResolved(id.get(), sensorId, now));
                            resolved++;
                        }
                    }
                }
            }
        }
        return resolved;
    }

    private static int slot(int key, long ts, int mask) {
        long x = (key * 0x9E3779B97F4A7C15L) ^ ts;
        x ^= x >>> 29;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 32;
        return (int) x & mask;
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
        return rules.compositeWithOther(s.type().id());
    }

    /**
     * The other sensors a composite rule looks at for a sensor: those of {@code type} on the same asset,
     * or, for a rule with a radius, those of {@code type} within it.
     */
    private int[] partners(Rule rule, Sensor s, String type) {
        if (!rule.withinRadius()) {
            return siblings(s, type);
        }
        Map<String, Neighbourhood> cache = neighbourhoods;
        Neighbourhood n = cache.computeIfAbsent(type + "@" + rule.radiusMetres(), k -> new Neighbourhood(
                sensors.all().stream().filter(x -> x.type().id().equals(type)).toList(), rule.radiusMetres()));
        return n.near(s.lon(), s.lat(), s.key());
    }

    private static final int[] NONE = new int[0];

    /** The keys of the other sensors of the same asset with the given type (do not change the array). */
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
        int[] all = index.get(s.assetType() + "/" + s.assetId() + "/" + type);
        if (all == null) {
            return NONE;
        }
        for (int k : all) {
            if (k == s.key()) {
                return java.util.Arrays.stream(all).filter(x -> x != s.key()).toArray();
            }
        }
        return all;
    }

    private static final String INSERT = "insert into telemetry_readings (sensor_key, ts, val, message_id) values (?, ?, ?, ?) "
            + "on conflict do nothing";

    private volatile Boolean postgres;

    private boolean postgres() {
        Boolean pg = postgres;
        if (pg == null) {
            pg = jdbcTemplate.execute((java.sql.Connection c) -> org.megacity.platform.DatabaseProduct.of(c))
                    == org.megacity.platform.DatabaseProduct.POSTGRESQL;
            postgres = pg;
        }
        return pg;
    }

    private int[] insert(int[] keys, long[] ts, double[] vals, String[] msg, int count) {
        if (count > 0 && postgres()) {
            return copyOrInsert(keys, ts, vals, msg, count);
        }
        return batch(keys, ts, vals, msg, count);
    }

    /** Readings that went in by COPY and those that took the {@code insert … on conflict} path, since start. */
    private final AtomicLong copied = new AtomicLong();
    private final AtomicLong insertedOnConflict = new AtomicLong();

    long[] insertPaths() {
        return new long[] {copied.get(), insertedOnConflict.get()};
    }

    /**
     * PostgreSQL: a reading newer than its sensor's latest one cannot repeat a stored (sensor, time),
     * so those go in by one binary COPY straight into the readings table, under a savepoint; the
     * others (out of order, possibly resent) take {@code insert … on conflict do nothing}. Should
     * the COPY still meet a unique key (a resent message id, a concurrent batch of the same
     * sensors), it is rolled back to the savepoint and its readings take the insert path too.
     */
    private int[] copyOrInsert(int[] keys, long[] ts, double[] vals, String[] msg, int count) {
        int[] fresh = new int[count];
        int[] older = new int[count];
        int nf = 0;
        int no = 0;
        for (int i = 0; i < count; i++) {
            if (ts[i] > sensors.latestTs(keys[i])) {
                fresh[nf++] = i;
            } else {
                older[no++] = i;
            }
        }
        int[] out = new int[count];
        if (nf > 0) {
            final int n = nf;
            boolean done = jdbcTemplate.execute((java.sql.Connection c) -> {
                java.sql.Savepoint sp = c.setSavepoint();
                try {
                    copyIn(c, "telemetry_readings", keys, ts, vals, msg, fresh, n);
                    c.releaseSavepoint(sp);
                    return true;
                } catch (java.sql.SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    c.rollback(sp);
                    return false;
                }
            });
            if (done) {
                for (int j = 0; j < nf; j++) {
                    out[fresh[j]] = 1;
                }
                copied.addAndGet(nf);
            } else {
                System.arraycopy(fresh, 0, older, no, nf);
                no += nf;
            }
        }
        if (no > 0) {
            int[] sk = new int[no];
            long[] st = new long[no];
            double[] sv = new double[no];
            String[] sm = new String[no];
            for (int j = 0; j < no; j++) {
                int i = older[j];
                sk[j] = keys[i];
                st[j] = ts[i];
                sv[j] = vals[i];
                sm[j] = msg[i];
            }
            int[] r = batch(sk, st, sv, sm, no);
            for (int j = 0; j < no; j++) {
                out[older[j]] = r[j];
            }
            insertedOnConflict.addAndGet(no);
        }
        return out;
    }

    /** COPY … FROM STDIN (FORMAT binary) into {@code table} of the readings at {@code rows[0..n)} (all with null rows). */
    static void copyIn(java.sql.Connection c, String table, int[] keys, long[] ts, double[] vals, String[] msg, int[] rows, int n)
            throws java.sql.SQLException {
        int size = 23;
        byte[][] ids = new byte[n][];
        for (int j = 0; j < n; j++) {
            String m = msg[rows == null ? j : rows[j]];
            if (m != null) {
                ids[j] = m.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                size += ids[j].length;
            }
            size += 38;
        }
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(size);
        out.put("PGCOPY\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 0xff)
                .put("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 0);
        out.putInt(0); // flags
        out.putInt(0); // header extension
        for (int j = 0; j < n; j++) {
            int i = rows == null ? j : rows[j];
            out.putShort((short) 4);
            out.putInt(4).putInt(keys[i]);
            out.putInt(8).putLong(ts[i]);
            out.putInt(8).putDouble(vals[i]);
            if (ids[j] == null) {
                out.putInt(-1);
            } else {
                out.putInt(ids[j].length).put(ids[j]);
            }
        }
        out.putShort((short) -1);
        java.io.ByteArrayInputStream bytes = new java.io.ByteArrayInputStream(out.array(), 0, out.position());
        org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
        try {
            copy.copyIn("copy " + table + " (sensor_key, ts, val, message_id) from stdin (format binary)",
                    bytes);
        } catch (java.io.IOException e) {
            throw new java.sql.SQLException(e);
        }
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

    /**
     * Marks the minutes that received readings once their transaction committed (so a rollup never
     * runs between the mark and the readings becoming visible, and misses them).
     */
    private void markDirtyAfterCommit(Set<Long> minutes) {
        if (minutes.isEmpty()) {
            return;
        }
        Runnable mark = () -> {
            long wall = System.currentTimeMillis();
            for (long minute : minutes) {
                dirtyMinutes.compute(minute, (k, v) -> new long[] {v == null ? wall : v[0], wall});
            }
        };
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            mark.run();
                        }
                    });
        } else {
            mark.run();
        }
    }

    /**
     * Recomputes the 1-minute and 1-hour rollups of the minutes that received readings, once a
     * minute has settled (no reading for {@code rollup-settle}, or marked {@code rollup-max-wait}
     * ago), so a minute filling up in real time is aggregated about once, not on every pass.
     */
    @Scheduled(fixedDelayString = "${megacity.telemetry.rollup-interval:20s}", initialDelayString = "${megacity.telemetry.rollup-interval:20s}")
    @Transactional
    public void rollUp() {
        rollUp(rollupSettle.toMillis(), rollupMaxWait.toMillis());
    }

    /** The minutes rolled up (in the caller's transaction). */
    int rollUp(long settleMillis, long maxWaitMillis) {
        long wall = System.currentTimeMillis();
        List<Long> minutes = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : dirtyMinutes.entrySet()) {
            long[] v = e.getValue();
            if ((v[1] <= wall - settleMillis || v[0] <= wall - maxWaitMillis) && dirtyMinutes.remove(e.getKey(), v)) {
                minutes.add(e.getKey());
            }
        }
        java.util.Collections.sort(minutes);
        Set<Long> hours = new HashSet<>();
        for (long minute : minutes) {
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
        return minutes.size();
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

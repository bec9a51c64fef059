package org.megacity.telemetry.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.megacity.telemetry.SensorType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registered sensors, loaded on start, and the latest value of each on primitive arrays indexed
 * by the sensor's key: 8 bytes time + 8 bytes value per sensor.
 */
@Component
class SensorRegistry {

    private final JdbcClient jdbc;
    private final Map<String, Sensor> byId = new ConcurrentHashMap<>();
    private final ReentrantLock growth = new ReentrantLock();
    private volatile Sensor[] byKey = new Sensor[1024];
    private final LatestValues latest = new LatestValues(1024);
    private volatile int next = 1;

    SensorRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
        reload();
    }

    final void reload() {
        List<Sensor> all = jdbc.sql("select * from telemetry_sensors order by sensor_key").query((rs, n) -> new Sensor(
                rs.getInt("sensor_key"), rs.getString("id"), SensorType.byId(rs.getString("sensor_type")).orElseThrow(),
                rs.getString("asset_type"), rs.getLong("asset_id"), rs.getString("domain"), rs.getDouble("lon"),
                rs.getDouble("lat"), rs.getString("district_code"), rs.getString("grid_code"), rs.getInt("interval_s"),
                rs.getString("status"), rs.getObject("registered_at", OffsetDateTime.class).toInstant())).list();
        byId.clear();
        next = 1;
        for (Sensor s : all) {
            put(s);
        }
        // latest values survive a restart through the raw readings
        jdbc.sql("select r.sensor_key, r.ts, r.val from telemetry_readings r join (select sensor_key, max(ts) t from "
                + "telemetry_readings group by sensor_key) m on r.sensor_key = m.sensor_key and r.ts = m.t").query(rs -> {
            latest.set(rs.getInt(1), rs.getLong(2), rs.getDouble(3));
        });
    }

    private void put(Sensor s) {
        growth.lock();
        try {
            if (s.key() >= byKey.length) {
                int size = Math.max(byKey.length * 2, s.key() + 1);
                byKey = Arrays.copyOf(byKey, size);
            }
            latest.ensure(s.key());
            byKey[s.key()] = s;
            byId.put(s.id(), s);
            next = Math.max(next, s.key() + 1);
        } finally {
            growth.unlock();
        }
    }

    /** Stores new sensors (ids not yet known); returns them with their keys. Runs in the caller's transaction. */
    List<Sensor> register(List<Sensor> fresh) {
        growth.lock();
        try {
            List<Sensor> out = new ArrayList<>();
            int key = Math.max(next, 1 + jdbc.sql("select coalesce(max(sensor_key), 0) from telemetry_sensors")
                    .query(Integer.class).single());
            for (Sensor s : fresh) {
                Sensor k = new Sensor(key++, s.id(), s.type(), s.assetType(), s.assetId(), s.domain(), s.lon(), s.lat(),
                        s.districtCode(), s.gridCode(), s.intervalSeconds(), s.status(), s.registeredAt());
                jdbc.sql("insert into telemetry_sensors (sensor_key, id, sensor_type, asset_type, asset_id, domain, lon, lat, "
                                + "district_code, grid_code, interval_s, status, registered_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                        .params(k.key(), k.id(), k.type().id(), k.assetType(), k.assetId(), k.domain(), k.lon(), k.lat(),
                                k.districtCode(), k.gridCode(), k.intervalSeconds(), k.status(),
                                Timestamp.from(k.registeredAt()))
                        .update();
                out.add(k);
            }
            for (Sensor k : out) {
                put(k);
            }
            return out;
        } finally {
            growth.unlock();
        }
    }

    Sensor byId(String id) {
        return id == null ? null : byId.get(id);
    }

    Sensor byKey(int key) {
        Sensor[] a = byKey;
        return key > 0 && key < a.length ? a[key] : null;
    }

    int maxKey() {
        return next - 1;
    }

    int size() {
        return byId.size();
    }

    List<Sensor> all() {
        List<Sensor> out = new ArrayList<>(byId.values());
        out.sort((a, b) -> Integer.compare(a.key(), b.key()));
        return out;
    }

    /** Records a reading as the latest when it is newer; returns whether it was. */
    boolean offerLatest(int key, long ts, double value) {
        return latest.offer(key, ts, value);
    }

    long latestTs(int key) {
        return latest.ts(key);
    }

    double latestValue(int key) {
        return latest.value(key);
    }

    /** Whether the sensor reported within {@code intervals} of its expected interval before {@code now}. */
    boolean online(Sensor s, long now, int intervals) {
        long t = latest.ts(s.key());
        return t > 0 && now - t <= (long) intervals * s.intervalSeconds() * 1000L;
    }

    static Instant millis(long ts) {
        return Instant.ofEpochMilli(ts);
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}

package org.megacity.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.megacity.assets.AssetFixtures;
import org.megacity.assets.AssetRegistry;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Storage paths: rollups (minutes aggregated once they settled, late readings folded in, hours
 * following their minutes) and concurrent batches of the same readings (stored once, each reading
 * accepted by exactly one batch; on PostgreSQL the COPY of the later batch meets the unique key and
 * falls back to {@code insert … on conflict do nothing}).
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@org.springframework.test.context.TestPropertySource(properties = "megacity.telemetry.rollup-interval=1h")
class TelemetryRollupIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    Geography geography;
    @Autowired
    Organization organization;
    @Autowired
    AssetRegistry registry;
    @Autowired
    Telemetry telemetry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    javax.sql.DataSource dataSource;

    record Row(double min, double max, double sum, long n) {
    }

    Row minute(int key, long bucket, String table) {
        return jdbc.sql("select min_v, max_v, sum_v, n from " + table + " where sensor_key = ? and bucket = ?")
                .params(key, bucket).query((rs, i) -> new Row(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4)))
                .optional().orElse(null);
    }

    int rollUp(long settle) {
        return tx.execute(s -> telemetry.rollUp(settle, 3_600_000L));
    }

    static Telemetry.RawReading reading(long t, double v) {
        return new Telemetry.RawReading(0, "RU-1", t, v, null, null);
    }

    @Test
    void minutesAreRolledUpOnceSettledAndLateReadingsAreFoldedIn() throws Exception {
        if (geography.count(DivisionLevel.GRID) == 0) {
            CaseFixtures.city(geography, organization);
        }
        AssetFixtures.load(mvc, data, geography, registry);
        int key = telemetry.register(List.of(new Telemetry.NewSensor("RU-1", "pressure", "pipe-nodes", 3L, 60, null)))
                .get(0).key();
        long m = (System.currentTimeMillis() - 30 * 60_000L) / 60_000 * 60_000;
        assertThat(telemetry.ingest(List.of(reading(m + 1000, 0.3), reading(m + 2000, 0.5), reading(m + 61_000, 0.4)))
                .accepted()).isEqualTo(3);
        // not settled yet (a minute must go 60 s without readings here): nothing rolled up
        rollUp(60_000);
        assertThat(minute(key, m, "telemetry_rollup_1m")).isNull();
        rollUp(0);
        assertThat(minute(key, m, "telemetry_rollup_1m")).isEqualTo(new Row(0.3, 0.5, 0.8, 2));
        assertThat(minute(key, m + 60_000, "telemetry_rollup_1m")).isEqualTo(new Row(0.4, 0.4, 0.4, 1));
        // a late reading: stored, and its minute recomputed on the next pass once settled
        assertThat(telemetry.ingest(List.of(reading(m + 30_000, 0.1))).accepted()).isEqualTo(1);
        assertThat(rollUp(0)).isEqualTo(1);
        Row late = minute(key, m, "telemetry_rollup_1m");
        assertThat(late.min()).isEqualTo(0.1);
        assertThat(late.n()).isEqualTo(3);
        long hour = m / 3_600_000 * 3_600_000;
        long inHour = (m + 60_000) / 3_600_000 * 3_600_000 == hour ? 4 : 3;
        assertThat(minute(key, hour, "telemetry_rollup_1h").n()).isEqualTo(inHour);
        assertThat(rollUp(0)).isZero(); // nothing left to do
    }

    @Test
    void concurrentBatchesOfTheSameReadingsStoreEachOnce() throws Exception {
        if (geography.count(DivisionLevel.GRID) == 0) {
            CaseFixtures.city(geography, organization);
        }
        AssetFixtures.load(mvc, data, geography, registry);
        List<Telemetry.NewSensor> fresh = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fresh.add(new Telemetry.NewSensor("CC-" + i, "pressure", "pipe-nodes", 3L, 60, null));
        }
        telemetry.register(fresh);
        long t0 = System.currentTimeMillis() - 20 * 60_000L;
        long[] paths0 = telemetry.insertPaths();
        for (int round = 0; round < 5; round++) {
            List<Telemetry.RawReading> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                batch.add(new Telemetry.RawReading(i, "CC-" + (i % 50), t0 + (round * 40 + i / 50) * 1000L, 0.3, null, null));
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                List<java.util.concurrent.Future<Telemetry.Outcome>> outcomes = new java.util.ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    outcomes.add(pool.submit(() -> telemetry.ingest(batch)));
                }
                int accepted = 0;
                int duplicates = 0;
                for (var f : outcomes) {
                    accepted += f.get().accepted();
                    duplicates += f.get().duplicates();
                }
                assertThat(accepted).isEqualTo(2000);
                assertThat(duplicates).isEqualTo(4000);
            } finally {
                pool.shutdown();
            }
        }
        assertThat(jdbc.sql("select count(*) from telemetry_readings r join telemetry_sensors s on s.sensor_key = r.sensor_key "
                + "where s.id like 'CC-%'").query(Integer.class).single()).isEqualTo(10_000);
        long[] paths1 = telemetry.insertPaths();
        if (isPostgres()) {
            // each round: one batch went in by COPY, the two others (resent) took the insert path
            assertThat(paths1[0] - paths0[0]).isEqualTo(10_000);
            assertThat(paths1[1] - paths0[1]).isEqualTo(20_000);
        }
    }

    boolean isPostgres() throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
    }
}

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

/** Rollups: minutes are aggregated once they settled, late readings are folded in, hours follow their minutes. */
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
    void minutesAreRolledUpOnceSettledAndLateReadingsAreFoldedIn() {
        if (geography.count(DivisionLevel.GRID) == 0) {
            CaseFixtures.city(geography, organization);
        }
        try {
            AssetFixtures.load(mvc, data, geography, registry);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
}

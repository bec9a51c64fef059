package org.megacity.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.megacity.assets.AssetFixtures;
import org.megacity.assets.AssetRegistry;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Load harness (not a test of behaviour; opt in with {@code -Dmegacity.telemetry.load=true}):
 * readings per second through the service's batch path (validation, idempotent insert, latest
 * value, rules) against a plain JDBC batch insert of the same readings in the same run, and over
 * HTTP in CSV batches of 100,000. Prints its figures; see docs/benchmarks.md.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@EnabledIfSystemProperty(named = "megacity.telemetry.load", matches = "true")
@org.springframework.test.context.TestPropertySource(properties = "megacity.telemetry.mqtt.url=tcp://127.0.0.1:1883")
class TelemetryLoadIT {

    static final int SENSORS = 10_000;
    static final int READINGS = Integer.getInteger("megacity.telemetry.load.readings", 1_000_000);
    static final int BATCH = 50_000;

    @LocalServerPort
    int port;
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
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    MqttIngest mqttIngest;

    /** MQTT: batches of 10,000 readings (JSON) on megacity/telemetry/batch, QoS 1, until all are stored. */
    void mqtt(long from) throws Exception {
        if (!org.megacity.telemetry.TelemetryMqttITAccess.reachable()) {
            System.out.println("LOAD MQTT: no broker at 127.0.0.1:1883, not measured");
            return;
        }
        for (int i = 0; i < 100 && !mqttIngest.connected(); i++) {
            Thread.sleep(100);
        }
        org.eclipse.paho.client.mqttv3.MqttClient pub = new org.eclipse.paho.client.mqttv3.MqttClient("tcp://127.0.0.1:1883",
                "megacity-load-" + System.nanoTime(), new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
        org.eclipse.paho.client.mqttv3.MqttConnectOptions o = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
        o.setMaxInflight(1000);
        pub.connect(o);
        int batches = 30;
        List<byte[]> payloads = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < 10_000; i++) {
                int n = b * 10_000 + i;
                if (i > 0) {
                    json.append(',');
                }
                json.append("{\"sensorId\":\"L-").append(n % SENSORS).append("\",\"time\":")
                        .append(from + (n / SENSORS) * 1000L).append(",\"value\":0.32}");
            }
            payloads.add(json.append(']').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        long before = mqttIngest.accepted();
        long t0 = System.nanoTime();
        for (byte[] p : payloads) {
            pub.publish("megacity/telemetry/batch", p, 1, false);
        }
        long target = before + batches * 10_000L;
        for (int i = 0; i < 6000 && mqttIngest.accepted() < target; i++) {
            Thread.sleep(10);
        }
        double rate = (mqttIngest.accepted() - before) / ((System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "LOAD MQTT: %d of %d readings in batches of 10000 stored, %.0f/s%n",
                mqttIngest.accepted() - before, batches * 10_000, rate);
        pub.disconnect();
        pub.close();
    }

    @Test
    void readingsPerSecond() throws Exception {
        if (geography.count(DivisionLevel.GRID) == 0) {
            CaseFixtures.city(geography, organization);
        }
        String admin = AssetFixtures.load(mvc, data, geography, registry);
        List<Telemetry.NewSensor> fresh = new ArrayList<>();
        long[] waterNodes = {1, 3, 4, 6, 7, 8};
        for (int i = 0; i < SENSORS; i++) {
            boolean gas = i % 4 == 0;
            fresh.add(new Telemetry.NewSensor("L-" + i, gas ? "methane" : "pressure", "pipe-nodes",
                    gas ? 22L : waterNodes[i % waterNodes.length], 60, null));
        }
        long r0 = System.nanoTime();
        for (int from = 0; from < SENSORS; from += 2000) {
            telemetry.register(fresh.subList(from, from + 2000));
        }
        System.out.printf(Locale.ROOT, "LOAD registered %d sensors in %d ms%n", SENSORS, (System.nanoTime() - r0) / 1_000_000);
        String db = dataSource.getConnection().getMetaData().getDatabaseProductName();
        long base = System.currentTimeMillis() - 20 * 60_000L;

        // baseline: a plain JDBC batch insert of the same shape of readings, committed per 50,000
        jdbc.sql("create table telemetry_bench_baseline (sensor_key integer not null, ts bigint not null, "
                + "val double precision not null, message_id varchar(64), primary key (sensor_key, ts))").update();
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into telemetry_bench_baseline (sensor_key, ts, val, message_id) values (?, ?, ?, ?)")) {
                for (int i = 0; i < READINGS; i++) {
                    ps.setInt(1, 1 + i % SENSORS);
                    ps.setLong(2, base + (i / SENSORS) * 1000L);
                    ps.setDouble(3, 0.3 + (i % 7) * 0.01);
                    ps.setNull(4, java.sql.Types.VARCHAR);
                    ps.addBatch();
                    if ((i + 1) % 5000 == 0) {
                        ps.executeBatch();
                    }
                    if ((i + 1) % BATCH == 0) {
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
        double baseline = READINGS / ((System.nanoTime() - t0) / 1e9);

        // the service's batch path: validation, idempotent insert, latest values, rules; a few drops raise alerts
        long t1 = System.nanoTime();
        long worst = 0;
        int raised = 0;
        for (int from = 0; from < READINGS; from += BATCH) {
            List<Telemetry.RawReading> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(READINGS, from + BATCH); i++) {
                int s = i % SENSORS;
                boolean gas = s % 4 == 0;
                double v = gas ? 0.5 + (i % 5) * 0.1 : 0.3 + (i % 7) * 0.01;
                if (!gas && s % 997 == 1 && i / SENSORS == 50) {
                    v = 0.05; // a burst on a few sensors halfway through
                }
                batch.add(new Telemetry.RawReading(i - from, "L-" + s, base + (i / SENSORS) * 1000L, v, null, null));
            }
            long b0 = System.nanoTime();
            Telemetry.Outcome o = telemetry.ingest(batch);
            worst = Math.max(worst, System.nanoTime() - b0);
            raised += o.alertsRaised();
            assertThat(o.accepted()).isEqualTo(batch.size());
        }
        double service = READINGS / ((System.nanoTime() - t1) / 1e9);

        // HTTP: CSV batches of 100,000 readings over a real connection
        HttpClient http = HttpClient.newHttpClient();
        int httpBatches = 5;
        long httpBase = base + (READINGS / SENSORS + 10) * 1000L;
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < httpBatches; b++) {
            StringBuilder csv = new StringBuilder(100_000 * 24);
            for (int i = 0; i < 100_000; i++) {
                int n = b * 100_000 + i;
                csv.append("L-").append(n % SENSORS).append(',').append(httpBase + (n / SENSORS) * 1000L).append(",0.31\n");
            }
            bodies.add(csv.toString());
        }
        long t2 = System.nanoTime();
        for (String body : bodies) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/telemetry/readings")).header(HttpHeaders.AUTHORIZATION, bearer(admin))
                    .header(HttpHeaders.CONTENT_TYPE, "text/csv").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"accepted\":100000");
        }
        double overHttp = httpBatches * 100_000 / ((System.nanoTime() - t2) / 1e9);
        System.out.printf(Locale.ROOT, "LOAD %s: %d readings, %d sensors; plain JDBC batch %.0f/s; service batch path "
                        + "(rules) %.0f/s (%.0f%% of baseline), slowest batch of %d %.0f ms, %d alerts raised; HTTP CSV "
                        + "batches of 100000: %.0f/s; rule states %d%n", db, READINGS, SENSORS, baseline, service,
                100 * service / baseline, BATCH, worst / 1e6, raised, overHttp, telemetry.engineStates());
        jdbc.sql("drop table telemetry_bench_baseline").update();
        mqtt(httpBase + (httpBatches * 100_000 / SENSORS + 10) * 1000L);
        mvc.perform(post("/api/v1/telemetry/readings").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).content("[]")).andExpect(status().isOk());
    }
}

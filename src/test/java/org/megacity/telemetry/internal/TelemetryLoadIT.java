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

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static final int LATENCY_SECONDS = Integer.getInteger("megacity.telemetry.load.latency-seconds", 30);

    /**
     * From a reading's arrival to its alert: under sustained load (two clients sending CSV batches of
     * 1,000 readings back to back over HTTP), every second batch of the first client carries one
     * methane reading of 40 %LEL on a probe sensor of its own (an immediate severity I alert). Timed
     * from the request's start to its answer (sent after the commit: the alert is then visible to
     * {@code GET /alerts}) and to the alert's arrival on the Server-Sent Events stream.
     */
    void readingToAlert(String admin) throws Exception {
        int probes = 20 * LATENCY_SECONDS + 100;
        List<Telemetry.NewSensor> fresh = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            fresh.add(new Telemetry.NewSensor("LP-" + i, "methane", "pipe-nodes", 22L, 60, null));
        }
        boolean broker = org.megacity.telemetry.TelemetryMqttITAccess.reachable() && mqttIngest.connected();
        if (broker) {
            for (int i = 0; i < probes; i++) {
                fresh.add(new Telemetry.NewSensor("LQ-" + i, "methane", "pipe-nodes", 22L, 60, null));
            }
        }
        telemetry.register(fresh);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        java.util.Map<String, Long> onStream = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.regex.Pattern probe = java.util.regex.Pattern.compile("\"sensorId\":\"(L[PQ]-[0-9]+)\"");
        var stream = http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/vitals/stream"))
                .header(HttpHeaders.AUTHORIZATION, bearer(admin)).GET().build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                stream.get().body().forEach(line -> {
                    var m = probe.matcher(line);
                    if (line.startsWith("data:") && m.find()) {
                        onStream.putIfAbsent(m.group(1), System.nanoTime());
                    }
                });
            } catch (Exception e) {
                // the stream ends with the test
            }
        });
        Thread.sleep(1000);
        long from = System.currentTimeMillis() - 15 * 60_000L;
        java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        java.util.Map<String, long[]> timed = new java.util.concurrent.ConcurrentHashMap<>();
        long end = System.nanoTime() + LATENCY_SECONDS * 1_000_000_000L;
        List<Thread> clients = new ArrayList<>();
        for (int client = 0; client < 2; client++) {
            final boolean prober = client == 0;
            clients.add(Thread.ofPlatform().start(() -> {
                int batch = 0;
                int next = 0;
                while (System.nanoTime() < end) {
                    long n0 = counter.getAndAdd(1000);
                    StringBuilder csv = new StringBuilder(24_000);
                    String probeId = null;
                    if (prober && batch++ % 2 == 0 && next < probes) {
                        probeId = "LP-" + next++;
                        csv.append(probeId).append(',').append(System.currentTimeMillis() - 1000).append(",40\n");
                    }
                    for (long n = n0; n < n0 + 1000 - (probeId == null ? 0 : 1); n++) {
                        csv.append("L-").append(n % SENSORS).append(',').append(from + (n / SENSORS) * 1000L).append(",0.31\n");
                    }
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + "/api/v1/telemetry/readings")).header(HttpHeaders.AUTHORIZATION, bearer(admin))
                                .header(HttpHeaders.CONTENT_TYPE, "text/csv").POST(HttpRequest.BodyPublishers.ofString(
                                        csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(r.statusCode() + " " + r.body());
                        }
                        sent.addAndGet(1000);
                        if (probeId != null) {
                            if (!r.body().contains("\"alertsRaised\":0")) {
                                timed.put(probeId, new long[] {t0, t1});
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        // MQTT: one reading a message on megacity/telemetry/{sensorId}, QoS 1, every 100 ms; publish()
        // returns on the broker's PUBACK (the broker has the message; the subscriber acknowledges to the
        // broker after its commit), so the alert's time is its arrival on the stream
        java.util.Map<String, long[]> timedMqtt = new java.util.concurrent.ConcurrentHashMap<>();
        if (broker) {
            clients.add(Thread.ofPlatform().start(() -> {
                try {
                    var pub = new org.eclipse.paho.client.mqttv3.MqttClient("tcp://127.0.0.1:1883", "megacity-latency-"
                            + System.nanoTime(), new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
                    pub.connect();
                    int next = 0;
                    while (System.nanoTime() < end && next < probes) {
                        String id = "LQ-" + next++;
                        byte[] payload = ("{\"time\":" + (System.currentTimeMillis() - 1000) + ",\"value\":40}")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        long t0 = System.nanoTime();
                        pub.publish("megacity/telemetry/" + id, payload, 1, false);
                        timedMqtt.put(id, new long[] {t0, System.nanoTime()});
                        Thread.sleep(100);
                    }
                    pub.disconnect();
                    pub.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        long l0 = System.nanoTime();
        for (Thread t : clients) {
            t.join();
        }
        double rate = sent.get() / ((System.nanoTime() - l0) / 1e9);
        for (int i = 0; i < 50 && !(onStream.keySet().containsAll(timed.keySet())
                && onStream.keySet().containsAll(timedMqtt.keySet())); i++) {
            Thread.sleep(100);
        }
        long[] committed = timed.values().stream().mapToLong(t -> t[1] - t[0]).sorted().toArray();
        long[] streamed = timed.entrySet().stream().filter(e -> onStream.containsKey(e.getKey()))
                .mapToLong(e -> onStream.get(e.getKey()) - e.getValue()[0]).sorted().toArray();
        int visible = jdbc.sql("select count(*) from telemetry_alerts where sensor_id like 'LP-%'").query(Integer.class).single();
        System.out.printf(Locale.ROOT, "LOAD reading to alert under %.0f readings/s over HTTP (2 clients, CSV batches of "
                        + "1000, %d s): %d probes, %d alerts stored; committed and answered p50 %.0f ms, p99 %.0f ms, max %.0f ms; "
                        + "on the SSE stream (%d seen) p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", rate, LATENCY_SECONDS,
                timed.size(), visible, pct(committed, 50), pct(committed, 99), pct(committed, 100), streamed.length,
                pct(streamed, 50), pct(streamed, 99), pct(streamed, 100));
        if (broker) {
            long[] acked = timedMqtt.values().stream().mapToLong(t -> t[1] - t[0]).sorted().toArray();
            long[] mqttStreamed = timedMqtt.entrySet().stream().filter(e -> onStream.containsKey(e.getKey()))
                    .mapToLong(e -> onStream.get(e.getKey()) - e.getValue()[0]).sorted().toArray();
            System.out.printf(Locale.ROOT, "LOAD reading to alert over MQTT (one reading a message, QoS 1, beside the "
                            + "HTTP load): %d probes; publish acknowledged by the broker p50 %.0f ms, p99 %.0f ms, "
                            + "max %.0f ms; on the SSE stream (%d seen) p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    timedMqtt.size(), pct(acked, 50), pct(acked, 99), pct(acked, 100), mqttStreamed.length,
                    pct(mqttStreamed, 50), pct(mqttStreamed, 99), pct(mqttStreamed, 100));
        } else {
            System.out.println("LOAD reading to alert over MQTT: no broker, not measured");
        }
        assertThat(timed).isNotEmpty();
        assertThat(visible).isGreaterThanOrEqualTo(timed.size());
        stream.cancel(true);
        reader.interrupt();
    }

    static double pct(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
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

        System.out.println("LOAD load average before: " + loadAverage());
        boolean pg = db.toLowerCase(Locale.ROOT).contains("postgres");
        // baselines: the same readings into tables of the raw table's shape (on PostgreSQL with its indexes)
        for (String table : List.of("telemetry_bench_baseline", "telemetry_bench_copy")) {
            jdbc.sql(pg ? "create table " + table + " (like telemetry_readings including indexes)"
                    : "create table " + table + " (sensor_key integer not null, ts bigint not null, "
                    + "val double precision not null, message_id varchar(64), primary key (sensor_key, ts))").update();
        }
        // a plain JDBC batch insert, executed per 5,000 and committed per 50,000
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
        // a plain binary COPY, one per 50,000, committed each
        double plainCopy = Double.NaN;
        if (pg) {
            long c0 = System.nanoTime();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                for (int from = 0; from < READINGS; from += BATCH) {
                    int n = Math.min(BATCH, READINGS - from);
                    int[] keys = new int[n];
                    long[] ts = new long[n];
                    double[] vals = new double[n];
                    for (int j = 0; j < n; j++) {
                        int i = from + j;
                        keys[j] = 1 + i % SENSORS;
                        ts[j] = base + (i / SENSORS) * 1000L;
                        vals[j] = 0.3 + (i % 7) * 0.01;
                    }
                    Telemetry.copyIn(c, "telemetry_bench_copy", keys, ts, vals, new String[n], null, n);
                    c.commit();
                }
            }
            plainCopy = READINGS / ((System.nanoTime() - c0) / 1e9);
        }

        // the service's batch path: validation, idempotent insert, latest values, rules; a few drops raise alerts
        long[] phases0 = telemetry.phaseNanos();
        long t1 = System.nanoTime();
        long worst = 0;
        long inIngest = 0;
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
            long took = System.nanoTime() - b0;
            worst = Math.max(worst, took);
            inIngest += took;
            raised += o.alertsRaised();
            assertThat(o.accepted()).isEqualTo(batch.size());
        }
        long wall = System.nanoTime() - t1;
        // the service's own time: Telemetry#ingest calls, not the harness building their input
        long serviceNanos = inIngest;
        double service = READINGS / (serviceNanos / 1e9);
        long[] phases1 = telemetry.phaseNanos();
        System.out.printf(Locale.ROOT, "LOAD service batch path: %.0f/s counting only the ingest calls, %.0f/s with the "
                + "harness building the batches (as in earlier runs)%n", service, READINGS / (wall / 1e9));
        System.out.printf(Locale.ROOT, "LOAD service batch path time: checking %.0f%%, storing %.0f%%, rules and alerts "
                        + "%.0f%%, the rest (commit) %.0f%%%n",
                100.0 * (phases1[0] - phases0[0]) / serviceNanos, 100.0 * (phases1[1] - phases0[1]) / serviceNanos,
                100.0 * (phases1[2] - phases0[2]) / serviceNanos, 100.0 * (serviceNanos - (phases1[0] - phases0[0])
                        - (phases1[1] - phases0[1]) - (phases1[2] - phases0[2])) / serviceNanos);

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
        long[] paths = telemetry.insertPaths();
        System.out.printf(Locale.ROOT, "LOAD %s: %d readings, %d sensors; plain JDBC batch %.0f/s; plain binary COPY %.0f/s; "
                        + "service batch path (rules) %.0f/s (%.0f%% of the JDBC batch, %.0f%% of COPY), slowest batch of %d "
                        + "%.0f ms, %d alerts raised; HTTP CSV batches of 100000: %.0f/s (%.0f%% of the JDBC batch); rule "
                        + "states %d; readings stored by COPY %d, by insert on conflict %d%n", db, READINGS, SENSORS,
                baseline, plainCopy, service, 100 * service / baseline, 100 * service / plainCopy, BATCH, worst / 1e6, raised,
                overHttp, 100 * overHttp / baseline, telemetry.engineStates(), paths[0], paths[1]);
        System.out.println("LOAD load average after throughput: " + loadAverage());
        jdbc.sql("drop table telemetry_bench_baseline").update();
        jdbc.sql("drop table telemetry_bench_copy").update();
        mqtt(httpBase + (httpBatches * 100_000 / SENSORS + 10) * 1000L);
        readingToAlert(admin);
        System.out.println("LOAD load average at the end: " + loadAverage());
        mvc.perform(post("/api/v1/telemetry/readings").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).content("[]")).andExpect(status().isOk());
    }
}

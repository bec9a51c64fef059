package org.megacity.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.megacity.assets.AssetFixtures;
import org.megacity.assets.AssetRegistry;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.Hostile;
import org.megacity.testing.HostileHttp;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hostile input to telemetry (see {@link Hostile}): readings in JSON and CSV over HTTP, the same
 * payloads over MQTT (Mosquitto at 127.0.0.1:1883; that property is skipped when no broker listens,
 * unless {@code -Dmegacity.test.mqtt.required=true}), and the query parameters of the sensor, series
 * and alert reads. Never a 5xx. A batch is kept reading by reading: what it says it accepted is
 * exactly what was stored, and every reading it received is accepted, a duplicate or rejected with
 * a reason; a refused batch stores nothing. Over MQTT, the subscriber stays connected and valid
 * readings sent between the hostile ones all land.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "megacity.telemetry.mqtt.url=tcp://127.0.0.1:1883")
class HostileTelemetryInputIT {

    static final String API = "/api/v1/telemetry";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    HostileHttp http;
    String admin;
    /** Sensor ids of this run only: the broker is shared, and other subscribers must not take these readings for theirs. */
    final String run = UUID.randomUUID().toString().substring(0, 6);
    final List<String> sensors = List.of("HP-" + run, "HM-" + run, "HW-" + run);

    @BeforeAll
    void citySensors(@Autowired Geography geography, @Autowired Organization organization,
            @Autowired AssetRegistry registry, @Autowired DataDirectory data) throws Exception {
        if (geography.count(DivisionLevel.GRID) == 0) {
            CaseFixtures.city(geography, organization);
        }
        admin = AssetFixtures.load(mvc, data, geography, registry);
        mvc.perform(post(API + "/sensors").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("[{\"id\":\"" + sensors.get(0)
                                + "\",\"type\":\"pressure\",\"asset\":{\"type\":\"pipe-nodes\",\"id\":3}},"
                                + "{\"id\":\"" + sensors.get(1) + "\",\"type\":\"methane\",\"asset\":{\"type\":\"pipe-nodes\",\"id\":22}},"
                                + "{\"id\":\"" + sensors.get(2) + "\",\"type\":\"water-level\",\"asset\":{\"type\":\"pipe-nodes\",\"id\":6}}]"))
                .andExpect(status().isCreated());
        http = new HostileHttp(port);
    }

    @AfterAll
    void nothingFound() {
        http.assertNothingFound();
    }

    long stored() {
        return jdbc.sql("select count(*) from telemetry_readings").query(Long.class).single();
    }

    /** Valid batches: readings of this run's sensors, at distinct recent times, in the sensors' ranges. */
    Gen<List<String>> validBatches(boolean csv) {
        return in -> {
            long now = Instant.now().toEpochMilli();
            List<String> out = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                StringBuilder b = new StringBuilder(csv ? "sensorId,time,value,messageId\n" : "[");
                for (int i = 0, n = 1 + Generate.range(0, 4).generate(in); i < n; i++) {
                    String sensor = sensors.get(Generate.range(0, 2).generate(in));
                    long t = now - Generate.range(1, 80_000_000).generate(in);
                    String time = Generate.booleans().generate(in) ? Long.toString(t) : "\"" + Instant.ofEpochMilli(t) + "\"";
                    String value = String.format("%.3f", Generate.range(0, 500).generate(in) / 1000.0);
                    String message = Generate.booleans().generate(in) ? UUID.randomUUID().toString() : null;
                    if (csv) {
                        b.append(sensor).append(',').append(time.replace("\"", "")).append(',').append(value).append(',')
                                .append(message == null ? "" : message).append('\n');
                    } else {
                        b.append(i == 0 ? "" : ",").append("{\"sensorId\":\"").append(sensor).append("\",\"time\":")
                                .append(time).append(",\"value\":").append(value)
                                .append(message == null ? "" : ",\"messageId\":\"" + message + "\"").append('}');
                    }
                }
                out.add(b.append(csv ? "" : "]").toString());
            }
            return out;
        };
    }

    Gen<byte[]> batches(boolean csv) {
        return validBatches(csv).flatMap(Hostile::bodies);
    }

    void ingest(String family, String contentType, byte[] body) {
        long before = stored();
        var r = http.post(family, API + "/readings", contentType, body, HttpHeaders.AUTHORIZATION, bearer(admin));
        long added = stored() - before;
        if (r.status() == 200) {
            int received = JsonPath.read(r.body(), "$.received");
            int accepted = JsonPath.read(r.body(), "$.accepted");
            int duplicates = JsonPath.read(r.body(), "$.duplicates");
            int rejected = JsonPath.read(r.body(), "$.rejectedCount");
            http.expect(family + ": what a batch accepted is what was stored", (long) accepted, added,
                    () -> new String(body, StandardCharsets.UTF_8));
            http.expect(family + ": every reading received is accepted, a duplicate or rejected", received,
                    accepted + duplicates + rejected, () -> r.body());
            List<String> reasons = JsonPath.read(r.body(), "$.rejected[*].reason");
            http.expect(family + ": every rejection has a reason", true,
                    reasons.stream().allMatch(s -> s != null && !s.isBlank()), () -> r.body());
        } else {
            http.expect(family + ": a refused batch stores nothing", 0L, added,
                    () -> r.status() + " " + new String(body, StandardCharsets.UTF_8));
        }
    }

    @Test
    void jsonBatchesKeepTheValidReadingsAndReportTheRest() {
        Hostile.theory("telemetry JSON readings").forAll(batches(false))
                .checkAssert(body -> ingest("readings-json", "application/json", body));
        assertThat(http.count("readings-json", 200)).isPositive();
        assertThat(http.count("readings-json", 400)).isPositive();
    }

    @Test
    void csvBatchesKeepTheValidReadingsAndReportTheRest() {
        Hostile.theory("telemetry CSV readings").forAll(batches(true))
                .checkAssert(body -> ingest("readings-csv", "text/csv", body));
        assertThat(http.count("readings-csv", 200)).isPositive();
    }

    /** What the properties found, kept as examples. */
    @Test
    void regressions() {
        // instants beyond what epoch milliseconds hold: a rejected reading, not a 500
        var r = http.post("regression", API + "/readings", "text/csv",
                (sensors.get(0) + ",-999999999-11-29T00:00:00Z,0.3\n").getBytes(StandardCharsets.UTF_8),
                HttpHeaders.AUTHORIZATION, bearer(admin));
        assertThat(r.status()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(r.body(), "$.rejected[*].reason")).containsExactly("malformed time");
        // a series over more milliseconds than a long holds: 400
        assertThat(http.get("regression", API + "/sensors/" + sensors.get(0) + "/series?from=-200000000-01-01T00:00:00Z"
                + "&to=%2B200000000-01-01T00:00:00Z", HttpHeaders.AUTHORIZATION, bearer(admin)).status()).isEqualTo(400);
        // NUL in a query parameter reached PostgreSQL, which refuses it in any string (a 500 there): 400 for every request
        assertThat(http.get("regression", API + "/alerts?status=acknowledged&division=%00x", HttpHeaders.AUTHORIZATION,
                bearer(admin)).status()).isEqualTo(400);
        // a message id the database cannot hold (NUL): that reading rejected with its reason
        var nul = http.post("regression", API + "/readings", "application/json", ("[{\"sensorId\":\"" + sensors.get(0)
                + "\",\"time\":" + (Instant.now().toEpochMilli() - 5_000) + ",\"value\":0.3,\"messageId\":\"a\\u0000b\"}]")
                .getBytes(StandardCharsets.UTF_8), HttpHeaders.AUTHORIZATION, bearer(admin));
        assertThat(nul.status()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(nul.body(), "$.rejected[*].reason")).singleElement().asString()
                .startsWith("message id contains a control character");
    }

    @Test
    void readsNeverFailNorWrite() {
        Map<String, List<String>> list = new LinkedHashMap<>();
        list.put("type", List.of("pressure", "methane"));
        list.put("division", List.of(TinyCity.DISTRICT, TinyCity.WEST_STREET));
        list.put("asset", List.of("pipe-nodes/3", "pipe-nodes/22"));
        list.put("limit", List.of("10", "0", "-1"));
        list.put("offset", List.of("0", "-5"));
        Map<String, List<String>> series = new LinkedHashMap<>();
        series.put("from", List.of(Instant.now().minusSeconds(3600).toString(), "0",
                Long.toString(Instant.now().toEpochMilli() - 86_400_000L * 40)));
        series.put("to", List.of(Instant.now().toString(), Long.toString(Instant.now().toEpochMilli())));
        series.put("step", List.of("1m", "30s", "1h", "1d", "PT5M", "0s", "-1m"));
        Map<String, List<String>> alerts = new LinkedHashMap<>();
        alerts.put("status", List.of("open", "raised", "acknowledged", "resolved"));
        alerts.put("division", List.of(TinyCity.DISTRICT));
        alerts.put("sensor", sensors);
        alerts.put("limit", List.of("1", "1000", "0"));
        Gen<String> sensor = Hostile.segments(sensors);
        Gen<String> request = Hostile.oneOf(List.of(
                Hostile.parameters(list).map(q -> API + "/sensors?" + q),
                sensor.map(s -> API + "/sensors/" + s),
                sensor.zip(Hostile.parameters(series), (s, q) -> API + "/sensors/" + s + "/series?" + q),
                Hostile.parameters(alerts).map(q -> API + "/alerts?" + q),
                Hostile.segments(List.of("1", "0", "-1")).map(s -> API + "/alerts/" + s),
                Hostile.parameters(Map.of("division", List.of(TinyCity.DISTRICT))).map(q -> "/api/v1/vitals?" + q)));
        long before = stored();
        Hostile.theory("telemetry reads").forAll(request)
                .checkAssert(path -> http.get("telemetry-query", path, HttpHeaders.AUTHORIZATION, bearer(admin)));
        http.expect("telemetry-query: reads write nothing", before, stored(), () -> "");
        assertThat(http.count("telemetry-query", 200)).isPositive();
    }

    @Test
    void mqttPayloadsNeitherStopTheSubscriberNorKeepValidReadingsOut() throws Exception {
        boolean reachable = TelemetryMqttIT.brokerReachable();
        if (Boolean.getBoolean("megacity.test.mqtt.required")) {
            assertThat(reachable).as("Mosquitto at 127.0.0.1:1883 (megacity.test.mqtt.required=true)").isTrue();
        }
        Assumptions.assumeTrue(reachable, "no MQTT broker at 127.0.0.1:1883: start Mosquitto to run this test");
        Mqtt3BlockingClient pub = MqttClient.builder().useMqttVersion3().identifier("megacity-hostile-" + run)
                .serverHost("127.0.0.1").serverPort(1883).buildBlocking();
        pub.connectWith().cleanSession(true).send();
        String probe = sensors.get(2);
        try {
            // the subscriber connects in the background: wait for the first reading to land
            long t0 = Instant.now().toEpochMilli() - 90_000_000L;
            for (int attempt = 0; attempt < 300 && landed(probe, t0) == 0; attempt++) {
                publish(pub, "megacity/telemetry/" + probe, ("{\"time\":" + t0 + ",\"value\":0.5}").getBytes(StandardCharsets.UTF_8));
                Thread.sleep(200);
            }
            assertThat(landed(probe, t0)).as("the subscriber takes readings").isEqualTo(1);
            // topics: the batch topic, this run's sensors, and unknown sensor ids of any text the broker takes in a
            // topic level (not the wildcards or '/', and not what Mosquitto refuses and disconnects the publisher
            // for: U+0000, control characters, non-characters, unpaired surrogates), fullwidth letters included,
            // which once stopped the subscriber (docs/security.md, "Hostile input")
            Gen<String> topic = Hostile.oneOf(List.of(Generate.constant("megacity/telemetry/batch"),
                    Generate.pick(sensors).map(s -> "megacity/telemetry/" + s),
                    Generate.constant("megacity/telemetry/\uFF2F\uFF2B-\u6C34\u8868"),
                    Hostile.text().map(HostileTelemetryInputIT::topicLevel)
                            .map(s -> "megacity/telemetry/" + s)));
            Gen<byte[]> payload = Hostile.oneOf(List.of(batches(false), batches(true), Hostile.bodies(List.of(
                    "{\"time\":" + t0 + ",\"value\":0.4}", t0 + ",0.4", t0 + ",0.4,m-1", "{\"time\":\"2026-01-01T00:00:00Z\",\"value\":1}"))));
            int[] sent = {0};
            long[] sentinel = {t0};
            Hostile.theory("MQTT payloads").forAll(topic, payload).checkAssert((t, body) -> {
                try {
                    publish(pub, t, body);
                    // every 250 messages a valid reading, awaited before going on: it shows the subscriber
                    // alive, and keeps the broker's queue for it short (it drops messages beyond its limit)
                    if (++sent[0] % 250 == 0) {
                        long ts = ++sentinel[0];
                        publish(pub, "megacity/telemetry/" + probe, (ts + ",0.5").getBytes(StandardCharsets.UTF_8));
                        awaitLanded(probe, ts);
                        http.expect("mqtt: a valid reading sent after hostile ones lands", 1L, landed(probe, ts),
                                () -> "after " + sent[0] + " messages");
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            long last = ++sentinel[0];
            publish(pub, "megacity/telemetry/" + probe, ("{\"time\":" + last + ",\"value\":0.5}").getBytes(StandardCharsets.UTF_8));
            awaitLanded(probe, last);
            http.expect("mqtt: a valid reading sent after hostile ones lands", 1L, landed(probe, last), () -> "at the end");
            // and HTTP still answers after all that
            var r = http.get("telemetry-query", API + "/sensors/" + probe, HttpHeaders.AUTHORIZATION, bearer(admin));
            assertThat(r.status()).isEqualTo(200);
        } finally {
            if (pub.getState().isConnected()) {
                pub.disconnect();
            }
        }
    }

    void awaitLanded(String sensor, long ts) throws InterruptedException {
        for (int i = 0; i < 1200 && landed(sensor, ts) == 0; i++) {
            Thread.sleep(50);
        }
    }

    long landed(String sensor, long ts) {
        return jdbc.sql("select count(*) from telemetry_readings r join telemetry_sensors s on s.sensor_key = r.sensor_key "
                + "where s.id = ? and r.ts = ?").params(sensor, ts).query(Long.class).single();
    }

    static void publish(Mqtt3BlockingClient pub, String topic, byte[] payload) {
        pub.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
    }

    /** At most 60 code points of {@code text} a broker accepts in one topic level. */
    static String topicLevel(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(c -> c != '+' && c != '#' && c != '/' && !Character.isISOControl(c)
                        && Character.getType(c) != Character.SURROGATE && !(c >= 0xFDD0 && c <= 0xFDEF)
                        && (c & 0xFFFE) != 0xFFFE)
                .limit(60).forEach(out::appendCodePoint);
        return out.toString();
    }
}

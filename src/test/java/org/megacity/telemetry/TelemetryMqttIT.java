package org.megacity.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
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
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * MQTT ingestion against Mosquitto at 127.0.0.1:1883: single readings and batches stored, malformed
 * payloads counted without stopping the subscriber. Skipped when no broker listens there, unless
 * {@code -Dmegacity.test.mqtt.required=true}.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "megacity.telemetry.mqtt.url=tcp://127.0.0.1:1883")
class TelemetryMqttIT {

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
    JdbcClient jdbc;

    final String sensor = "MQ-" + UUID.randomUUID().toString().substring(0, 8);

    static boolean brokerReachable() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 1883), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @BeforeAll
    void brokerCityAndSensor() throws Exception {
        boolean reachable = brokerReachable();
        if (Boolean.getBoolean("megacity.test.mqtt.required")) {
            assertThat(reachable).as("Mosquitto at 127.0.0.1:1883 (megacity.test.mqtt.required=true)").isTrue();
        }
        Assumptions.assumeTrue(reachable, "no MQTT broker at 127.0.0.1:1883: start Mosquitto to run this test");
        if (geography.count(DivisionLevel.GRID) == 0) {
            CaseFixtures.city(geography, organization);
        }
        String admin = AssetFixtures.load(mvc, data, geography, registry);
        mvc.perform(post("/api/v1/telemetry/sensors").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content("[{\"id\":\"" + sensor + "\",\"type\":\"water-level\",\"asset\":{\"type\":\"pipe-nodes\",\"id\":6}}]"))
                .andExpect(status().isCreated());
    }

    int stored() {
        return jdbc.sql("select count(*) from telemetry_readings r join telemetry_sensors s on s.sensor_key = r.sensor_key "
                + "where s.id = ?").param(sensor).query(Integer.class).single();
    }

    @Test
    void readingsArriveOverMqttAndMalformedPayloadsDoNotStopTheSubscriber() throws Exception {
        // wait for the subscriber (it connects in the background)
        MqttClient pub = new MqttClient("tcp://127.0.0.1:1883", "megacity-test-" + sensor, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        pub.connect(options);
        try {
            long now = Instant.now().toEpochMilli();
            int expected = 0;
            for (int attempt = 0; attempt < 100 && stored() == 0; attempt++) {
                publish(pub, "megacity/telemetry/" + sensor, "{\"time\":" + (now - 100_000 + attempt) + ",\"value\":0.1}");
                Thread.sleep(200);
            }
            assertThat(stored()).as("a single reading over MQTT").isPositive();
            int before = stored();
            publish(pub, "megacity/telemetry/" + sensor, "{\"time\":");
            publish(pub, "megacity/telemetry/batch", "[{\"sensorId\":\"" + sensor + "\",\"value\":");
            publish(pub, "megacity/telemetry/" + sensor, (now - 50_000) + ",0.12");
            publish(pub, "megacity/telemetry/batch", "[{\"sensorId\":\"" + sensor + "\",\"time\":" + (now - 40_000)
                    + ",\"value\":0.13},{\"sensorId\":\"" + sensor + "\",\"time\":" + (now - 30_000)
                    + ",\"value\":0.14},{\"sensorId\":\"" + sensor + "\",\"time\":" + (now - 20_000) + ",\"value\":-99}]");
            expected = before + 3;
            for (int i = 0; i < 100 && stored() < expected; i++) {
                Thread.sleep(100);
            }
            assertThat(stored()).isEqualTo(expected);
        } finally {
            pub.disconnect();
            pub.close();
        }
    }

    static void publish(MqttClient pub, String topic, String payload) throws Exception {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        pub.publish(topic, m);
    }
}

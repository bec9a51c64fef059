package org.megacity.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
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
import org.megacity.telemetry.TelemetryMqttITAccess;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TcpProxy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The MQTT broker goes away and comes back; the subscriber reconnects and resumes. The platform
 * subscribes through a {@link TcpProxy} in front of Mosquitto at 127.0.0.1:1883 (Mosquitto itself
 * keeps running for everyone else); the test publishes directly to Mosquitto. The proxy cuts the
 * subscriber's connection and refuses new ones; readings are published meanwhile; the proxy lets
 * it through again. Because the subscriber keeps a persistent session ({@code cleanSession=false})
 * and subscribes with QoS 1, Mosquitto queues the readings published during the cut and delivers
 * them after the reconnection: all of them are stored, and so are the readings published after it.
 * Skipped when no broker listens at 127.0.0.1:1883, unless {@code -Dmegacity.test.mqtt.required=true}.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttBrokerOutageIT {

    static final TcpProxy BROKER = new TcpProxy("127.0.0.1", 1883);

    @DynamicPropertySource
    static void subscribeThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("megacity.telemetry.mqtt.url", () -> "tcp://127.0.0.1:" + BROKER.port());
    }

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
    @Autowired
    MqttIngest subscriber;

    final String sensor = "MQO-" + UUID.randomUUID().toString().substring(0, 8);
    MqttClient publisher;

    @BeforeAll
    void brokerCityAndSensor() throws Exception {
        boolean reachable = TelemetryMqttITAccess.reachable();
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
        publisher = new MqttClient("tcp://127.0.0.1:1883", "megacity-test-" + sensor, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        // Paho's window of unacknowledged QoS 1 publishes (10 by default) once refused the burst
        // below with "Too many publishes in progress" though each publish waits for its PUBACK
        options.setMaxInflight(100);
        publisher.connect(options);
    }

    @AfterAll
    void closeAll() throws Exception {
        if (publisher != null && publisher.isConnected()) {
            publisher.disconnect();
            publisher.close();
        }
        BROKER.close();
    }

    int stored() {
        return jdbc.sql("select count(*) from telemetry_readings r join telemetry_sensors s on s.sensor_key = r.sensor_key "
                + "where s.id = ?").param(sensor).query(Integer.class).single();
    }

    void publish(long time, double value) throws Exception {
        publisher.publish("megacity/telemetry/" + sensor,
                ("{\"time\":" + time + ",\"value\":" + value + "}").getBytes(StandardCharsets.UTF_8), 1, false);
    }

    static boolean within(int seconds, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    @Test
    void theSubscriberReconnectsAndReadingsPublishedDuringTheCutArriveAfterIt() throws Exception {
        long t = Instant.now().toEpochMilli() - 600_000;
        assertThat(within(60, subscriber::connected)).as("subscribed through the proxy").isTrue();
        publish(t++, 0.10);
        assertThat(within(30, () -> stored() == 1)).as("a reading before the cut").isTrue();

        BROKER.cut();
        assertThat(within(30, () -> !subscriber.connected())).as("the subscriber notices the cut").isTrue();
        for (int i = 0; i < 20; i++) {
            publish(t++, 0.20);
        }
        Thread.sleep(3000); // the subscriber's reconnection attempts are refused meanwhile
        assertThat(subscriber.connected()).isFalse();
        assertThat(stored()).as("nothing reaches the platform during the cut").isEqualTo(1);

        BROKER.restore();
        assertThat(within(60, subscriber::connected)).as("the subscriber reconnects by itself").isTrue();
        assertThat(within(60, () -> stored() == 21)).as("the 20 readings queued during the cut arrive").isTrue();
        for (int i = 0; i < 10; i++) {
            publish(t++, 0.30);
        }
        assertThat(within(60, () -> stored() == 31)).as("readings published after the cut are stored").isTrue();
        assertThat(stored()).isEqualTo(31);
    }
}

package org.megacity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.Geography;
import org.megacity.organization.Organization;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.ProxiedDatabase;
import org.megacity.testing.TcpProxy;
import org.megacity.testing.TinyCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * PostgreSQL goes away under load and comes back; the platform survives it. A {@link TcpProxy}
 * between the application and PostgreSQL takes the database away without stopping the server:
 * {@code cut} (connections reset, new ones refused, as a stopped server) and {@code blackhole}
 * (nothing passes, nothing is refused, as a dropped network). While case reports and reads run
 * from eight clients:
 * <ul>
 * <li>every request is answered, none hangs (each has 30 s, far above the pool's 3 s connection
 * timeout and the 4 s socket timeout set here);
 * <li>during the outage the API answers 503 problem+json of type {@code database-unavailable}
 * with {@code Retry-After}, and {@code /actuator/health} answers DOWN;
 * <li>after it the service recovers by itself: health UP, writes acknowledged again;
 * <li>every write acknowledged (201) before, during and after is stored, with its history; every
 * write that began and ended inside the outage is absent (refused, not half-done).
 * </ul>
 * The outage lasts {@code megacity.outage.seconds} (default 8 s, to keep the build short; the issue's
 * 30 s is a run with {@code -Dmegacity.outage.seconds=30}, figures in docs/benchmarks.md). Each run
 * prints a {@code DATABASE OUTAGE} line. PostgreSQL only: the embedded H2 database cannot go away.
 *
 * <p>MQTT too (when Mosquitto listens at 127.0.0.1:1883): readings published while the database is
 * away are not acknowledged by the subscriber, so the broker delivers them again, and they are all
 * stored once the database is back.
 */
@EnabledIfSystemProperty(named = "megacity.test.db", matches = "postgres")
@IntegrationTest
@ContextConfiguration(initializers = ProxiedDatabase.class)
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {"megacity.database.socket-timeout=4s", "megacity.telemetry.mqtt.url=tcp://127.0.0.1:1883"})
class DatabaseOutageIT {

    private static final Duration HUNG = Duration.ofSeconds(30);
    private static final int OUTAGE_SECONDS = Integer.getInteger("megacity.outage.seconds", 8);

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    TcpProxy proxy;
    @Autowired
    JdbcClient jdbc;

    String operator;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Random random = new Random(11);

    /** One request: when it started and ended (ns), what came back; status -1 if it hung or failed. */
    record Call(String marker, long start, long end, int status, String retryAfter, String contentType, String body,
            boolean hung) {
    }

    @BeforeAll
    void cityAndOperator(@Autowired Geography geography, @Autowired Organization organization) throws Exception {
        CaseFixtures.city(geography, organization);
        operator = new CaseFixtures(mvc, data).create("outage.operator", "HOTLINE_OPERATOR", List.of(), List.of());
    }

    @Test
    @Order(1)
    void databaseStoppedUnderLoad() throws Exception {
        survive("cut", TcpProxy::cut);
    }

    @Test
    @Order(2)
    void databaseSilentUnderLoad() throws Exception {
        survive("blackhole", TcpProxy::blackhole);
    }

    @Test
    @Order(3)
    void mqttReadingsPublishedDuringTheOutageAreStoredAfterIt(@Autowired Geography geography,
            @Autowired org.megacity.assets.AssetRegistry assets) throws Exception {
        boolean broker = org.megacity.telemetry.TelemetryMqttITAccess.reachable();
        if (Boolean.getBoolean("megacity.test.mqtt.required")) {
            assertThat(broker).as("Mosquitto at 127.0.0.1:1883 (megacity.test.mqtt.required=true)").isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(broker, "no MQTT broker at 127.0.0.1:1883");
        String admin = org.megacity.assets.AssetFixtures.load(mvc, data, geography, assets);
        String sensor = "DBO-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/telemetry/sensors")
                        .header("Authorization", "Bearer " + admin).contentType("application/json")
                        .content("[{\"id\":\"" + sensor + "\",\"type\":\"water-level\",\"asset\":{\"type\":\"pipe-nodes\",\"id\":6}}]"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
        org.eclipse.paho.client.mqttv3.MqttClient publisher = new org.eclipse.paho.client.mqttv3.MqttClient(
                "tcp://127.0.0.1:1883", "megacity-test-" + sensor, new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
        publisher.connect();
        try {
            long t = System.currentTimeMillis() - 600_000;
            java.util.function.IntSupplier stored = () -> jdbc.sql("select count(*) from telemetry_readings r join "
                    + "telemetry_sensors s on s.sensor_key = r.sensor_key where s.id = ?").param(sensor)
                    .query(Integer.class).single();
            publisher.publish("megacity/telemetry/" + sensor, ("{\"time\":" + t++ + ",\"value\":0.1}").getBytes(), 1, false);
            for (int i = 0; i < 600 && stored.getAsInt() < 1; i++) {
                Thread.sleep(100);
            }
            assertThat(stored.getAsInt()).as("a reading before the outage").isEqualTo(1);

            proxy.cut();
            for (int i = 0; i < 10; i++) {
                publisher.publish("megacity/telemetry/" + sensor, ("{\"time\":" + t++ + ",\"value\":0.2}").getBytes(), 1, false);
            }
            Thread.sleep(OUTAGE_SECONDS * 1000L);
            proxy.restore();
            int count = 0;
            for (int i = 0; i < 1200 && (count = storedAfterOutage(stored)) < 11; i++) {
                Thread.sleep(100);
            }
            System.out.printf("%nDATABASE OUTAGE (mqtt) %d s: %d of 11 readings stored after it%n", OUTAGE_SECONDS, count);
            assertThat(count).as("readings published during the outage, delivered again and stored").isEqualTo(11);
        } finally {
            publisher.disconnect();
            publisher.close();
        }
    }

    /** The count, or -1 while the database is still coming back. */
    static int storedAfterOutage(java.util.function.IntSupplier stored) {
        try {
            return stored.getAsInt();
        } catch (org.springframework.dao.DataAccessException e) {
            return -1;
        }
    }

    void survive(String mode, Consumer<TcpProxy> takeAway) throws Exception {
        String prefix = "outage-" + mode + "-";
        AtomicInteger seq = new AtomicInteger();
        List<Call> before = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            before.add(report(prefix + seq.incrementAndGet()));
        }
        assertThat(before).allSatisfy(c -> assertThat(c.status()).isEqualTo(201));

        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            boolean writer = c < 6;
            clients.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    calls.add(writer ? report(prefix + seq.incrementAndGet()) : read());
                }
            }));
        }
        Thread.sleep(1500);
        takeAway.accept(proxy);
        long down = System.nanoTime();
        List<Integer> healthDuring = new ArrayList<>();
        while (System.nanoTime() - down < OUTAGE_SECONDS * 1_000_000_000L) {
            healthDuring.add(health().status());
        }
        long up = System.nanoTime();
        proxy.restore();
        int healthAfter = -1;
        while (System.nanoTime() - up < 120_000_000_000L && (healthAfter = health().status()) != 200) {
            Thread.sleep(250);
        }
        long healthy = System.nanoTime();
        Thread.sleep(2000);
        running.set(false);
        for (Thread t : clients) {
            t.join();
        }
        List<Call> after = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            after.add(report(prefix + seq.incrementAndGet()));
        }

        List<Call> all = new ArrayList<>(before);
        all.addAll(calls);
        all.addAll(after);
        List<Call> refused = all.stream().filter(c -> c.status() == 503).toList();
        List<Call> inside = all.stream().filter(c -> c.start() > down && c.end() < up).toList();
        Set<String> acknowledged = new HashSet<>();
        all.stream().filter(c -> c.status() == 201).forEach(c -> acknowledged.add(c.marker()));
        Set<String> stored = new HashSet<>(jdbc.sql("select description from cases_case where description like :p")
                .param("p", prefix + "%").query(String.class).list());
        long withoutHistory = jdbc.sql("select count(*) from cases_case c where c.description like :p and not exists"
                + " (select 1 from cases_history h where h.case_id = c.id)").param("p", prefix + "%")
                .query(Long.class).single();
        long slowest = all.stream().filter(c -> c.status() == 503).mapToLong(c -> c.end() - c.start()).max().orElse(0);
        System.out.printf("%nDATABASE OUTAGE (%s) %d s: %d requests, %d acknowledged (all stored: %s), %d answered 503, "
                        + "%d other; slowest 503 %.1f s; health DOWN %d of %d probes during, UP %.1f s after restore; "
                        + "%d writes began and ended inside the outage, %d of them stored%n",
                mode, OUTAGE_SECONDS, all.size(), acknowledged.size(), stored.containsAll(acknowledged), refused.size(),
                all.size() - refused.size() - all.stream().filter(c -> c.status() == 201 || c.status() == 200).count(),
                slowest / 1e9, healthDuring.stream().filter(s -> s == 503).count(), healthDuring.size(),
                (healthy - up) / 1e9, inside.stream().filter(c -> c.marker() != null).count(),
                inside.stream().filter(c -> c.marker() != null && stored.contains(c.marker())).count());

        assertThat(all).as("no request hangs or fails without an answer").noneMatch(Call::hung);
        assertThat(all).as("every answer is a success or 503").allSatisfy(c -> assertThat(c.status()).isIn(200, 201, 503));
        assertThat(refused).as("the outage is answered 503").isNotEmpty().allSatisfy(c -> {
            assertThat(c.retryAfter()).isEqualTo(Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            assertThat(c.contentType()).startsWith("application/problem+json");
            assertThat(c.body()).contains("urn:megacity:problem:database-unavailable");
        });
        assertThat(inside).as("requests inside the outage").isNotEmpty().allSatisfy(c -> assertThat(c.status()).isEqualTo(503));
        assertThat(healthDuring).as("health during the outage").contains(503);
        assertThat(healthAfter).as("health after the outage").isEqualTo(200);
        assertThat(after).as("writes after the outage").allSatisfy(c -> assertThat(c.status()).isEqualTo(201));
        assertThat(stored).as("every acknowledged write is stored").containsAll(acknowledged);
        assertThat(inside.stream().map(Call::marker).filter(m -> m != null && stored.contains(m)))
                .as("writes refused inside the outage are not stored").isEmpty();
        assertThat(withoutHistory).as("stored cases without their history (half-done)").isZero();
    }

    Call report(String marker) {
        double lon = TinyCity.WEST + 0.0001 + random.nextDouble() * 0.0060;
        double lat = TinyCity.SOUTH + 0.0001 + random.nextDouble() * 0.0034;
        String body = "{\"channel\": \"hotline\", \"category\": \"C0101\", \"hotlineType\": \"help-request\", "
                + "\"description\": \"" + marker + "\", \"lon\": " + lon + ", \"lat\": " + lat
                + ", \"reporterPhone\": \"13800000000\"}";
        return send(marker, HttpRequest.newBuilder(uri("/api/v1/cases")).header("Authorization", "Bearer " + operator)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Call read() {
        return send(null, HttpRequest.newBuilder(uri("/api/v1/cases?limit=5")).header("Authorization", "Bearer " + operator));
    }

    Call health() {
        return send(null, HttpRequest.newBuilder(uri("/actuator/health")));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    Call send(String marker, HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request.timeout(HUNG).build(), HttpResponse.BodyHandlers.ofString());
            return new Call(marker, start, System.nanoTime(), r.statusCode(),
                    r.headers().firstValue("Retry-After").orElse(null), r.headers().firstValue("Content-Type").orElse(""),
                    r.body(), false);
        } catch (HttpTimeoutException e) {
            return new Call(marker, start, System.nanoTime(), -1, null, "", e.toString(), true);
        } catch (IOException e) {
            return new Call(marker, start, System.nanoTime(), -1, null, "", e.toString(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Call(marker, start, System.nanoTime(), -1, null, "", e.toString(), true);
        }
    }
}

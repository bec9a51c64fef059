package org.megacity.telemetry.internal;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * MQTT ingestion (the HiveMQ MQTT client, MQTT 3.1.1), on when {@code megacity.telemetry.mqtt.url} is set:
 * subscribes to {@code megacity/telemetry/{sensorId}} (one reading: a JSON object with {@code time},
 * {@code value}, optional {@code messageId}, or CSV {@code time,value[,messageId]}) and
 * {@code megacity/telemetry/batch} (a JSON array or CSV lines as over HTTP) with QoS 1. Messages are
 * handled in order on one thread of their own and acknowledged to the broker (manual
 * acknowledgement) only after their readings commit.
 * Connects in the background with automatic reconnect, so an unreachable broker never stops the
 * start; malformed payloads are logged and counted, never thrown to the client.
 *
 * <p>Outages. The session is persistent ({@code cleanSession=false}): when the broker or the
 * network to it goes away, the client reconnects by itself (backing off to at most 10 s between
 * attempts), resubscribes, and the broker delivers the QoS 1 readings it queued for the session
 * meanwhile (Mosquitto keeps up to {@code max_queued_messages}, 1,000 by default). When the database
 * is unreachable, a message is not acknowledged: it is tried again (backing off to 10 s) until its
 * readings commit, and were the platform stopped meanwhile, the broker would deliver it again to the
 * resumed session, so a database outage loses no MQTT reading either. Any topic name the broker
 * accepts is read (Paho, used before, refused some valid UTF-8 in topic names and dropped the
 * connection; with a persistent session the broker then delivered the same message again and again).
 * With a
 * configured {@code megacity.telemetry.mqtt.client-id} the session also outlives a restart of the
 * platform; a generated id's session is removed from the broker at a clean shutdown.
 */
@Component
class MqttIngest implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MqttIngest.class);
    static final String PREFIX = "megacity/telemetry/";
    static final String BATCH = PREFIX + "batch";

    private final Telemetry telemetry;
    private volatile String url;
    private final String demoUrl;
    private final boolean demo;
    private final String clientId;
    private final boolean generatedId;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private volatile Mqtt3AsyncClient client;
    private final ExecutorService handler = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("telemetry-mqtt").daemon(true).factory());
    private volatile boolean stopping;
    private volatile boolean sessionCreated;

    MqttIngest(Telemetry telemetry, @Value("${megacity.telemetry.mqtt.url:}") String url,
            @Value("${megacity.telemetry.mqtt.client-id:}") String clientId,
            @Value("${megacity.telemetry.mqtt.demo-url:tcp://127.0.0.1:1883}") String demoUrl,
            @Value("${megacity.demo.enabled:false}") boolean demo,
            org.megacity.platform.PlatformSettings platform) {
        this.telemetry = telemetry;
        this.url = url;
        this.demoUrl = demoUrl;
        this.demo = demo && "server".equals(platform.mode());
        this.generatedId = clientId == null || clientId.isBlank();
        this.clientId = generatedId ? "megacity-" + java.util.UUID.randomUUID() : clientId;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (url == null || url.isBlank()) {
            if (demo && !demoUrl.isBlank()) {
                // the demo subscribes to a local broker only when one is there
                Thread.ofVirtual().name("telemetry-mqtt-probe").start(() -> {
                    if (reachable(demoUrl)) {
                        url = demoUrl;
                        connect();
                    } else {
                        log.info("telemetry: no MQTT broker at {}; MQTT ingestion off", demoUrl);
                    }
                });
            }
            return;
        }
        connect();   // asynchronous: returns at once, the client connects and reconnects on its own
    }

    static boolean reachable(String brokerUrl) {
        try (java.net.Socket s = new java.net.Socket()) {
            URI u = URI.create(brokerUrl);
            s.connect(new java.net.InetSocketAddress(u.getHost(), u.getPort() < 0 ? 1883 : u.getPort()), 1000);
            return true;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A client for {@code tcp://host[:port]} or {@code ssl://host[:port]} (TLS with the JVM's trust store). */
    private static Mqtt3ClientBuilder builder(String brokerUrl, String id) {
        URI u = URI.create(brokerUrl);
        boolean tls = "ssl".equals(u.getScheme());
        if (u.getHost() == null || !(tls || "tcp".equals(u.getScheme()))) {
            throw new IllegalArgumentException("the broker URL must be tcp://host[:port] or ssl://host[:port], not " + brokerUrl);
        }
        Mqtt3ClientBuilder b = MqttClient.builder().useMqttVersion3().identifier(id).serverHost(u.getHost())
                .serverPort(u.getPort() >= 0 ? u.getPort() : tls ? 8883 : 1883);
        return tls ? b.sslWithDefaultConfig() : b;
    }

    private void connect() {
        Mqtt3AsyncClient c;
        try {
            c = builder(url, clientId)
                    .automaticReconnect().initialDelay(1, TimeUnit.SECONDS).maxDelay(10, TimeUnit.SECONDS)
                    .applyAutomaticReconnect()
                    .addConnectedListener(ctx -> {
                        sessionCreated = true;
                        log.info("telemetry: MQTT connected to {}, subscribed to {}+", url, PREFIX);
                    })
                    .addDisconnectedListener(ctx -> {
                        if (!stopping) {
                            log.warn("telemetry: MQTT connection to {} lost or refused ({}); reconnecting", url,
                                    ctx.getCause().toString());
                        }
                    })
                    .buildAsync();
        } catch (IllegalArgumentException e) {
            log.warn("telemetry: MQTT client for {} not created: {}", url, e.getMessage());
            return;
        }
        client = c;
        // subscribed before connecting: the client keeps the subscription and renews it should the
        // broker have lost the session; the broker's queued messages reach the callback at once
        c.subscribeWith().topicFilter(PREFIX + "+").qos(MqttQos.AT_LEAST_ONCE)
                .callback(this::arrived).executor(handler).manualAcknowledgement(true).send();
        // a broker unreachable now is retried by the automatic reconnect, as after a lost connection
        c.connectWith().cleanSession(false).keepAlive(30).send();
    }

    /** One message, on the handler thread: stored, then acknowledged; tried again while the database is away. */
    private void arrived(Mqtt3Publish publish) {
        String topic = publish.getTopic().toString();
        byte[] payload = publish.getPayloadAsBytes();
        long wait = 250;
        while (!stopping) {
            try {
                handle(topic, payload);
                publish.acknowledge();
                return;
            } catch (StoreUnavailable e) {
                log.warn("telemetry: MQTT {}: database unavailable; trying again in {} ms", topic, wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
                wait = Math.min(wait * 2, 10_000);
            }
        }
        // stopping without acknowledging: the broker delivers it again to the resumed session
    }

    /** The database could not take a message's readings: the message must be delivered again. */
    static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(Throwable cause) {
            super("database unavailable; the message will be delivered again", cause);
        }
    }

    /**
     * Takes one message; throws only {@link StoreUnavailable} (the database could not be reached,
     * nothing was stored), never for the message's content.
     */
    void handle(String topic, byte[] payload) {
        messages.incrementAndGet();
        try {
            List<Telemetry.RawReading> in;
            String text = new String(payload, StandardCharsets.UTF_8).trim();
            if (BATCH.equals(topic)) {
                in = text.startsWith("[") || text.startsWith("{")
                        ? ReadingParser.json(new ByteArrayInputStream(payload), Telemetry.MAX_BATCH)
                        : ReadingParser.csv(new ByteArrayInputStream(payload), Telemetry.MAX_BATCH);
            } else {
                String sensor = topic.substring(PREFIX.length());
                in = List.of(single(sensor, text));
            }
            Telemetry.Outcome o = telemetry.ingest(in);
            accepted.addAndGet(o.accepted());
            if (!o.rejected().isEmpty()) {
                rejected.addAndGet(o.rejected().size());
                log.debug("telemetry: MQTT {}: {} readings rejected, first: {}", topic, o.rejected().size(), o.rejected().get(0));
            }
        } catch (RuntimeException | java.io.IOException e) {
            if (org.megacity.platform.DatabaseOutage.causedBy(e)) {
                unavailable.incrementAndGet();
                throw new StoreUnavailable(e);
            }
            malformed.incrementAndGet();
            log.warn("telemetry: malformed MQTT payload on {}: {}", topic, e.getMessage());
        }
    }

    static Telemetry.RawReading single(String sensor, String text) {
        if (text.startsWith("{")) {
            Telemetry.RawReading r = ReadingParser.json(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1).get(0);
            return new Telemetry.RawReading(0, sensor, r.ts(), r.value(), r.messageId(), r.problem());
        }
        Telemetry.RawReading r = ReadingParser.csvLine(sensor + "," + text, 0);
        return r;
    }

    boolean connected() {
        Mqtt3AsyncClient c = client;
        return c != null && c.getState().isConnected();
    }

    long messages() {
        return messages.get();
    }

    long malformed() {
        return malformed.get();
    }

    long accepted() {
        return accepted.get();
    }

    long rejected() {
        return rejected.get();
    }

    /** Messages left unacknowledged (to be delivered again) because the database was unreachable. */
    long unavailable() {
        return unavailable.get();
    }

    @Override
    public void destroy() {
        stopping = true;
        Mqtt3AsyncClient c = client;
        if (c != null) {
            try {
                if (c.getState().isConnectedOrReconnect()) {
                    c.disconnect().get(2, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                log.debug("telemetry: MQTT disconnect: {}", e.getMessage());
            }
            if (generatedId && sessionCreated) {
                forgetSession();
            }
        }
        handler.shutdownNow();
    }

    /** Removes the persistent session of a generated client id: no one will ever resume it. */
    private void forgetSession() {
        try {
            Mqtt3BlockingClient c = builder(url, clientId).buildBlocking();
            c.connectWith().cleanSession(true).send();
            c.disconnect();
        } catch (RuntimeException e) {
            log.debug("telemetry: MQTT session of {} not removed: {}", clientId, e.getMessage());
        }
    }
}

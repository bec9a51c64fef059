package org.megacity.telemetry.internal;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * MQTT ingestion (Eclipse Paho, MQTT 3.1.1), on when {@code megacity.telemetry.mqtt.url} is set:
 * subscribes to {@code megacity/telemetry/{sensorId}} (one reading: a JSON object with {@code time},
 * {@code value}, optional {@code messageId}, or CSV {@code time,value[,messageId]}) and
 * {@code megacity/telemetry/batch} (a JSON array or CSV lines as over HTTP) with QoS 1. A message is
 * handled on the client's thread and acknowledged to the broker only after its readings commit.
 * Connects in the background with automatic reconnect, so an unreachable broker never stops the
 * start; malformed payloads are logged and counted, never thrown to the client.
 *
 * <p>Outages. The session is persistent ({@code cleanSession=false}): when the broker or the
 * network to it goes away, the client reconnects by itself (backing off to at most 10 s between
 * attempts), resubscribes, and the broker delivers the QoS 1 readings it queued for the session
 * meanwhile (Mosquitto keeps up to {@code max_queued_messages}, 1,000 by default). When the database
 * is unreachable, a message is not acknowledged: the client drops the connection, reconnects, and
 * the broker delivers the message again, so a database outage loses no MQTT reading either. With a
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
    private volatile MqttClient client;
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
        Thread.ofVirtual().name("telemetry-mqtt-connect").start(this::connect);
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

    private void connect() {
        try {
            MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
            client = c;
            c.setCallback(new MqttCallbackExtended() {
                @Override
                public void connectComplete(boolean reconnect, String serverUri) {
                    sessionCreated = true;
                    // Not on this (Paho's) thread: a resumed session's queued messages arrive before the
                    // SUBACK, fill the client's inbound queue, and a subscribe waiting here for the SUBACK
                    // would stall the client until the keep-alive times out.
                    Thread.ofVirtual().name("telemetry-mqtt-subscribe").start(() -> {
                        try {
                            c.subscribe(PREFIX + "+", 1);
                            log.info("telemetry: MQTT {} to {}, subscribed to {}+",
                                    reconnect ? "reconnected" : "connected", serverUri, PREFIX);
                        } catch (MqttException e) {
                            log.warn("telemetry: MQTT subscribe failed: {}", e.getMessage());
                        }
                    });
                }

                @Override
                public void connectionLost(Throwable cause) {
                    if (!stopping) {
                        log.warn("telemetry: MQTT connection lost ({}); reconnecting", cause == null ? "?" : cause.getMessage());
                    }
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    // a StoreUnavailable thrown here leaves the message unacknowledged: Paho drops the
                    // connection, reconnects, and the broker delivers it again
                    handle(topic, message.getPayload());
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            MqttConnectOptions options = new MqttConnectOptions();
            options.setAutomaticReconnect(true);
            options.setCleanSession(false);
            options.setMaxReconnectDelay(10_000);
            options.setConnectionTimeout(5);
            options.setMaxInflight(1000);
            // the first connect is retried here; after it Paho's automatic reconnect takes over
            long wait = 1000;
            while (!stopping) {
                try {
                    c.connect(options);
                    return;
                } catch (MqttException e) {
                    log.info("telemetry: MQTT broker {} not reachable ({}); retrying in {} s", url, e.getMessage(), wait / 1000);
                    Thread.sleep(wait);
                    wait = Math.min(wait * 2, 60_000);
                }
            }
        } catch (MqttException e) {
            log.warn("telemetry: MQTT client for {} not created: {}", url, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        MqttClient c = client;
        return c != null && c.isConnected();
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
        MqttClient c = client;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(1000);
                }
                c.close(true);
                if (generatedId && sessionCreated) {
                    forgetSession();
                }
            } catch (MqttException e) {
                log.debug("telemetry: MQTT close: {}", e.getMessage());
            }
        }
    }

    /** Removes the persistent session of a generated client id: no one will ever resume it. */
    private void forgetSession() {
        try {
            MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
            MqttConnectOptions clean = new MqttConnectOptions();
            clean.setCleanSession(true);
            clean.setConnectionTimeout(2);
            c.connect(clean);
            c.disconnect(1000);
            c.close(true);
        } catch (MqttException e) {
            log.debug("telemetry: MQTT session of {} not removed: {}", clientId, e.getMessage());
        }
    }
}

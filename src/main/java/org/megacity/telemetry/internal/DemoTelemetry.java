package org.megacity.telemetry.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Envelope;
import org.megacity.assets.Asset;
import org.megacity.assets.AssetRegistry;
import org.megacity.assets.AssetType;
import org.megacity.assets.NodeKind;
import org.megacity.assets.PipeNode;
import org.megacity.assets.Utility;
import org.megacity.platform.PlatformSettings;
import org.megacity.telemetry.SensorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./megacity demo}: on a background thread, once the demo assets are served, registers a few
 * thousand simulated sensors on them (pressure on water junctions, methane and cover tilt in gas and
 * telecom manholes, water level at rain-drain manholes) when none exist, then sends a reading per
 * sensor every interval with a daily pattern and noise, and every few minutes injects an incident:
 * a gas leak in a manhole, a water-main burst (pressure dropping at the node and its neighbours),
 * or waterlogging; each lasts a few minutes, so alerts and cases appear and resolve live.
 */
@Component
@Order(400)
class DemoTelemetry implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoTelemetry.class);

    private final Telemetry telemetry;
    private final AssetRegistry assets;
    private final SensorRegistry sensors;
    private final PlatformSettings platform;
    private final boolean enabled;
    private final int count;
    private final long tickMillis;
    private final int incidentTicks;
    private final Random random = new Random(20240613);
    private volatile boolean stopping;
    private volatile Thread worker;

    /** An incident in progress: sensors with their abnormal value until a tick. */
    private record Incident(String kind, List<Sensor> sensors, double[] values, long untilTick) {
    }

    private final List<Incident> incidents = new ArrayList<>();

    DemoTelemetry(Telemetry telemetry, AssetRegistry assets, SensorRegistry sensors, PlatformSettings platform,
            @Value("${megacity.demo.enabled:false}") boolean enabled,
            @Value("${megacity.telemetry.demo.sensors:3000}") int count,
            @Value("${megacity.telemetry.demo.tick:60s}") java.time.Duration tick,
            @Value("${megacity.telemetry.demo.incident-every-ticks:3}") int incidentTicks) {
        this.telemetry = telemetry;
        this.assets = assets;
        this.sensors = sensors;
        this.platform = platform;
        this.enabled = enabled;
        this.count = count;
        this.tickMillis = tick.toMillis();
        this.incidentTicks = Math.max(1, incidentTicks);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !"server".equals(platform.mode())) {
            return;
        }
        Thread t = new Thread(this::simulate, "telemetry-demo");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            t.join(10_000);
        }
    }

    private void simulate() {
        try {
            while (!stopping && (!assets.ready() || assets.count(AssetType.PIPE_NODE) == 0)) {
                Thread.sleep(5_000);
            }
            if (stopping) {
                return;
            }
            if (sensors.size() == 0) {
                registerSensors();
            }
            List<Sensor> simulated = sensors.all().stream().filter(s -> s.id().startsWith("SIM-")).toList();
            log.info("telemetry: simulating {} demo sensors, a reading each every {} s, an incident every {} readings",
                    simulated.size(), tickMillis / 1000, incidentTicks);
            long tick = 0;
            while (!stopping) {
                long start = System.currentTimeMillis();
                if (tick > 0 && tick % incidentTicks == 0) {
                    inject(simulated, tick);
                }
                send(simulated, tick, start);
                tick++;
                Thread.sleep(Math.max(1_000, tickMillis - (System.currentTimeMillis() - start)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopping) {
                log.error("telemetry: the demo simulation stopped", e);
            }
        }
    }

    private void registerSensors() {
        Envelope everywhere = new Envelope(-180, 180, -90, 90);
        List<Asset> nodes = assets.within(AssetType.PIPE_NODE, everywhere, 400_000);
        List<Telemetry.NewSensor> out = new ArrayList<>();
        int water = 0;
        int gas = 0;
        int drain = 0;
        int telecom = 0;
        int quota = Math.max(8, count / 4);
        java.util.Collections.shuffle(nodes, random);
        for (Asset a : nodes) {
            if (!(a instanceof PipeNode n)) {
                continue;
            }
            String id = n.utility().id() + "-" + n.id();
            if (n.utility() == Utility.WATER_SUPPLY && n.kind() == NodeKind.JUNCTION && water < quota) {
                out.add(new Telemetry.NewSensor("SIM-P-" + id, SensorType.PRESSURE.id(), "pipe-nodes", n.id(), 60, null));
                water++;
            } else if (n.utility() == Utility.GAS && n.kind() != NodeKind.SOURCE && gas < quota / 2) {
                out.add(new Telemetry.NewSensor("SIM-M-" + id, SensorType.METHANE.id(), "pipe-nodes", n.id(), 60, null));
                out.add(new Telemetry.NewSensor("SIM-T-" + id, SensorType.MANHOLE_TILT.id(), "pipe-nodes", n.id(), 60, null));
                gas++;
            } else if (n.utility() == Utility.RAIN_DRAINAGE && drain < quota) {
                out.add(new Telemetry.NewSensor("SIM-L-" + id, SensorType.WATER_LEVEL.id(), "pipe-nodes", n.id(), 60, null));
                drain++;
            } else if (n.utility() == Utility.TELECOM && n.kind() == NodeKind.MANHOLE && telecom < quota / 2) {
                out.add(new Telemetry.NewSensor("SIM-M-" + id, SensorType.METHANE.id(), "pipe-nodes", n.id(), 60, null));
                telecom++;
            }
            if (out.size() >= count) {
                break;
            }
        }
        for (int from = 0; from < out.size(); from += 500) {
            telemetry.register(out.subList(from, Math.min(out.size(), from + 500)));
        }
        log.info("telemetry: registered {} simulated sensors on demo assets", out.size());
    }

    /** The normal value of a sensor at a time: a daily pattern plus noise. */
    double normal(Sensor s, long t) {
        double hour = Instant.ofEpochMilli(t).atZone(ZoneId.of("Asia/Shanghai")).toLocalTime().toSecondOfDay() / 3600.0;
        double day = Math.sin(2 * Math.PI * (hour - 9) / 24);
        double noise = random.nextGaussian();
        return switch (s.type()) {
            // demand peaks by day: pressure dips a little
            case PRESSURE -> 0.35 - 0.04 * day + 0.005 * noise;
            case METHANE -> Math.max(0, 0.6 + 0.3 * noise);
            case MANHOLE_TILT -> Math.max(0, 1.0 + 0.3 * noise);
            case WATER_LEVEL -> Math.max(0, 0.04 + 0.01 * noise);
            default -> Math.max(s.type().min(), 1 + noise);
        };
    }

    private void send(List<Sensor> simulated, long tick, long now) {
        incidents.removeIf(i -> i.untilTick() < tick);
        java.util.Map<String, Double> override = new java.util.HashMap<>();
        for (Incident i : incidents) {
            for (int k = 0; k < i.sensors().size(); k++) {
                override.put(i.sensors().get(k).id(), i.values()[k]);
            }
        }
        List<Telemetry.RawReading> batch = new ArrayList<>(simulated.size());
        int index = 0;
        for (Sensor s : simulated) {
            double v = override.getOrDefault(s.id(), normal(s, now));
            // readings spread over the tick, as devices would send them
            long t = now - random.nextInt((int) Math.min(tickMillis, 30_000));
            batch.add(new Telemetry.RawReading(index++, s.id(), t, Math.min(s.type().max(), v), null, null));
        }
        Telemetry.Outcome o = telemetry.ingest(batch);
        if (o.alertsRaised() > 0 || o.alertsResolved() > 0) {
            log.info("telemetry demo: {} readings, {} alerts raised, {} resolved", o.accepted(), o.alertsRaised(),
                    o.alertsResolved());
        }
    }

    private void inject(List<Sensor> simulated, long tick) {
        String kind = switch ((int) ((tick / incidentTicks) % 3)) {
            case 0 -> "gas-leak";
            case 1 -> "burst";
            default -> "waterlogging";
        };
        injectNow(simulated, kind, tick);
    }

    static double metres(Sensor a, Sensor b, double cos) {
        double dx = (a.lon() - b.lon()) * cos * 111_320;
        double dy = (a.lat() - b.lat()) * 110_574;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Starts an incident of a kind ({@code gas-leak}, {@code burst}, {@code waterlogging}); returns its sensors. */
    List<Sensor> injectNow(List<Sensor> simulated, String kind, long tick) {
        SensorType type = switch (kind) {
            case "gas-leak" -> SensorType.METHANE;
            case "burst" -> SensorType.PRESSURE;
            default -> SensorType.WATER_LEVEL;
        };
        List<Sensor> candidates = simulated.stream().filter(s -> s.type() == type).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Sensor centre = candidates.get(random.nextInt(candidates.size()));
        List<Sensor> hit = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        hit.add(centre);
        switch (kind) {
            case "gas-leak" -> {
                values.add(30 + 20 * random.nextDouble());
                Sensor tilt = sensors.byId(centre.id().replace("SIM-M-", "SIM-T-"));
                if (tilt != null) {
                    hit.add(tilt);
                    values.add(15.0);
                }
            }
            case "burst" -> {
                values.add(0.08);
                // pressure drops at the nearest monitored junctions too, less the farther they are
                double cos = Math.cos(Math.toRadians(centre.lat()));
                List<Sensor> near = candidates.stream().filter(x -> x != centre)
                        .sorted(java.util.Comparator.comparingDouble(x -> metres(centre, x, cos))).limit(4).toList();
                for (Sensor s : near) {
                    double m = metres(centre, s, cos);
                    if (m < 3_000) {
                        hit.add(s);
                        values.add(Math.min(0.3, 0.12 + m / 3_000 * 0.15));
                    }
                }
            }
            default -> values.add(0.4 + 0.3 * random.nextDouble());
        }
        incidents.add(new Incident(kind, hit, values.stream().mapToDouble(Double::doubleValue).toArray(), tick + 3));
        log.info("telemetry demo: {} at {} ({} sensors)", kind, centre.id(), hit.size());
        return hit;
    }
}

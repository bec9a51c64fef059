package org.megacity.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.megacity.telemetry.SensorType;

/**
 * Memory for the latest value and the rule state of 1,000,000 sensors (the budget: under
 * 100 bytes a sensor), measured as the heap retained after garbage collection: every sensor has a
 * latest reading and goes through the default pressure rules (a threshold and a rate of change),
 * 1 % of them with an open alert. Prints the figures (see docs/benchmarks.md).
 */
class TelemetryMemoryTest {

    static final int SENSORS = 1_000_000;

    static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    @Test
    void latestValueAndRuleStateStayUnderOneHundredBytesASensor() {
        Rule below = new Rule(5, "Pipe pressure below 0.1 MPa", "pressure", null, null, Rule.THRESHOLD, "below", 0.1, 0.05,
                60, 300, 0, 0, 0, null, null, 0, 3, "E0501", true);
        Rule drop = new Rule(9, "Pressure drop of 30 %", "pressure", null, null, Rule.RATE, null, 0, 0, 0, 600, 30, 300, 0,
                null, null, 0, 2, "E0501", true);
        long before = usedAfterGc();
        LatestValues latest = new LatestValues(SENSORS + 1);
        RuleEngine engine = new RuleEngine();
        List<RuleEngine.Transition> out = new ArrayList<>();
        long t0 = 1_800_000_000_000L;
        for (int round = 0; round < 3; round++) {
            for (int key = 1; key <= SENSORS; key++) {
                long t = t0 + round * 60_000L + key % 60_000;
                // 1 % of the sensors drop to 0.05 MPa in the last round: an open alert each (threshold after 60 s: no; rate: yes)
                double v = round == 2 && key % 100 == 0 ? 0.05 : 0.3 + (key % 7) * 0.01;
                if (latest.offer(key, t, v)) {
                    engine.onReading(below, key, t, v, null, k -> 0, out);
                    engine.onReading(drop, key, t, v, null, k -> 0, out);
                }
            }
            out.clear();
        }
        long after = usedAfterGc();
        double perSensor = (after - before) / (double) SENSORS;
        System.out.printf(Locale.ROOT, "MEMORY latest value and rule state: %.1f bytes per sensor (%d sensors, %d rule "
                + "states open or pending, heap %d -> %d bytes)%n", perSensor, SENSORS, engine.stateCount(), before, after);
        assertThat(latest.ts(SENSORS)).isPositive();
        assertThat(engine.stateCount()).isGreaterThanOrEqualTo(SENSORS / 100);
        assertThat(perSensor).isLessThan(100);

        // for comparison, the sensors' own description: records, ids, the id index and the key array
        long b2 = usedAfterGc();
        Map<String, Sensor> byId = new ConcurrentHashMap<>();
        Sensor[] byKey = new Sensor[SENSORS + 1];
        Instant registered = Instant.now();
        for (int key = 1; key <= SENSORS; key++) {
            Sensor s = new Sensor(key, "PS-" + key, SensorType.PRESSURE, "pipe-nodes", key, "water", 106.5 + key * 1e-7,
                    29.5, "500103", "500103001001", 60, "active", registered);
            byId.put(s.id(), s);
            byKey[key] = s;
        }
        long a2 = usedAfterGc();
        System.out.printf(Locale.ROOT, "MEMORY sensor description (record, id, id index): %.1f bytes per sensor%n",
                (a2 - b2) / (double) SENSORS);
        assertThat(byKey[SENSORS].id()).isEqualTo(byId.get("PS-" + SENSORS).id());
        assertThat(latest.value(1)).isPositive(); // keeps the measured structures reachable until here
        assertThat(engine.stateCount()).isPositive();
    }
}

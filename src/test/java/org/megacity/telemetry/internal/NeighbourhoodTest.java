package org.megacity.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megacity.telemetry.SensorType;

/** Sensors within a radius: the composite rules "within R metres". */
class NeighbourhoodTest {

    static Sensor at(int key, double lon, double lat) {
        return new Sensor(key, "S-" + key, SensorType.WATER_LEVEL, "pipe-nodes", key, "water", lon, lat, null, null, 60,
                "active", Instant.EPOCH);
    }

    @Test
    void aDistanceOnTheGroundIsMeasuredInMetres() {
        // one thousandth of a degree of latitude is about 111 m; of longitude at Chongqing's 29.55° about 96.7 m
        assertThat(Neighbourhood.metres(106.57, 29.55, 106.57, 29.551)).isBetween(111.0, 111.4);
        assertThat(Neighbourhood.metres(106.57, 29.55, 106.571, 29.55)).isBetween(96.6, 96.9);
    }

    @Test
    void itFindsExactlyTheSensorsWithinTheRadiusNearestFirst() {
        // sensors scattered over about 2 km around a point in Chongqing; radii from 10 m to 2 km
        qt().withExamples(200).forAll(lists().of(doubles().between(-0.01, 0.01)).ofSizeBetween(2, 120),
                integers().between(10, 2000)).checkAssert((offsets, radius) -> {
                    List<Sensor> sensors = new ArrayList<>();
                    for (int i = 0; i + 1 < offsets.size(); i += 2) {
                        sensors.add(at(i + 1, 106.55 + offsets.get(i), 29.56 + offsets.get(i + 1)));
                    }
                    Neighbourhood n = new Neighbourhood(sensors, radius);
                    Sensor self = sensors.get(0);
                    int[] near = n.near(self.lon(), self.lat(), self.key());
                    int[] expected = sensors.stream().filter(s -> s.key() != self.key())
                            .filter(s -> Neighbourhood.metres(self.lon(), self.lat(), s.lon(), s.lat()) <= radius)
                            .mapToInt(Sensor::key).sorted().toArray();
                    int[] found = near.clone();
                    Arrays.sort(found);
                    assertThat(found).containsExactly(expected);
                    for (int i = 1; i < near.length; i++) {
                        int a = near[i - 1];
                        int b = near[i];
                        Sensor sa = sensors.stream().filter(s -> s.key() == a).findFirst().orElseThrow();
                        Sensor sb = sensors.stream().filter(s -> s.key() == b).findFirst().orElseThrow();
                        assertThat(Neighbourhood.metres(self.lon(), self.lat(), sa.lon(), sa.lat()))
                                .isLessThanOrEqualTo(Neighbourhood.metres(self.lon(), self.lat(), sb.lon(), sb.lat()));
                    }
                });
    }

    @Test
    void aCompositeRuleWithinARadiusRaisesOnlyWhenAPartnerWithinItIsAbnormal() {
        // methane above 5 %LEL with a water level above 0.2 m within 120 m
        Rule rule = new Rule(9, "methane and water nearby", "methane", null, null, Rule.COMPOSITE, "above", 5, 0, 0, 60, 0,
                0, 0, "water-level", "above", 0.2, 2, "E0504", true, 120);
        assertThat(rule.withinRadius()).isTrue();
        Sensor near = at(2, 106.5712, 29.5524);
        Sensor far = at(3, 106.5705, 29.5527);
        Neighbourhood water = new Neighbourhood(List.of(near, far), rule.radiusMetres());
        int[] partners = water.near(106.5722, 29.5524, 1); // the methane sensor, 97 m from "near", 168 m from "far"
        assertThat(partners).containsExactly(2);
        double[] latest = new double[4];
        RuleEngine engine = new RuleEngine();
        List<RuleEngine.Transition> out = new ArrayList<>();
        latest[3] = 0.5; // only the far one is high
        engine.onReading(rule, 1, 1000, 7, partners, k -> latest[k], out);
        assertThat(out).isEmpty();
        latest[2] = 0.5;
        engine.onReading(rule, 1, 2000, 7, partners, k -> latest[k], out);
        assertThat(out).extracting(RuleEngine.Transition::step).containsExactly(AlertState.Step.RAISE);
    }
}

package org.megacity.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule evaluator: thresholds with hysteresis, minimum duration and hold; rate of change; stale; composite. */
class RuleEngineTest {

    static Rule threshold(String direction, double limit, double hysteresis, int minDuration, int hold) {
        return new Rule(1, "t", "methane", null, null, Rule.THRESHOLD, direction, limit, hysteresis, minDuration, hold, 0,
                0, 0, null, null, 0, 3, "E0504", true);
    }

    static List<RuleEngine.Transition> feed(RuleEngine engine, Rule rule, double[] values, long stepMillis) {
        List<RuleEngine.Transition> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            engine.onReading(rule, 7, i * stepMillis, values[i], null, k -> 0, out);
        }
        return out;
    }

    @Test
    void aThresholdRaisesAfterItsMinimumDurationAndResolvesAfterItsHold() {
        Rule rule = threshold("above", 10, 2, 30, 60);
        RuleEngine engine = new RuleEngine();
        // 10 s steps: above from t=10 s; raised at t=40 s (30 s above); back below 8 from t=80 s; resolved at t=140 s
        double[] v = {5, 12, 12, 12, 12, 9, 9, 9, 7, 7, 7, 7, 7, 7, 7, 7};
        List<RuleEngine.Transition> t = feed(engine, rule, v, 10_000);
        assertThat(t).extracting(RuleEngine.Transition::step).containsExactly(AlertState.Step.RAISE, AlertState.Step.RESOLVE);
        assertThat(t.get(0).t()).isEqualTo(40_000);
        assertThat(t.get(1).t()).isEqualTo(140_000);
        assertThat(engine.stateCount()).isZero();
    }

    @Test
    void aBriefExcursionShorterThanTheMinimumDurationRaisesNothing() {
        Rule rule = threshold("above", 10, 2, 30, 60);
        assertThat(feed(new RuleEngine(), rule, new double[] {12, 12, 5, 12, 12, 5}, 10_000)).isEmpty();
    }

    @Test
    void belowThresholdsWork() {
        Rule rule = threshold("below", 0.1, 0.05, 0, 0);
        List<RuleEngine.Transition> t = feed(new RuleEngine(), rule, new double[] {0.3, 0.05, 0.12, 0.2}, 1000);
        assertThat(t).extracting(RuleEngine.Transition::step).containsExactly(AlertState.Step.RAISE, AlertState.Step.RESOLVE);
        assertThat(t.get(1).t()).isEqualTo(3000); // 0.12 is within the band, 0.2 clears it
    }

    @Test
    void aPressureDropWithinTheWindowIsABurst() {
        Rule rule = new Rule(2, "rate", "pressure", null, null, Rule.RATE, null, 0, 0, 0, 0, 30, 300, 0, null, null, 0, 2,
                "E0501", true);
        RuleEngine engine = new RuleEngine();
        List<RuleEngine.Transition> out = new ArrayList<>();
        engine.onReading(rule, 1, 0, 0.40, null, k -> 0, out);
        engine.onReading(rule, 1, 60_000, 0.39, null, k -> 0, out);
        assertThat(out).isEmpty();
        engine.onReading(rule, 1, 120_000, 0.20, null, k -> 0, out);
        assertThat(out).extracting(RuleEngine.Transition::step).containsExactly(AlertState.Step.RAISE);
        // a slow decline over many windows is no burst
        RuleEngine slow = new RuleEngine();
        List<RuleEngine.Transition> none = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            slow.onReading(rule, 1, i * 300_000L, 0.5 * Math.pow(0.97, i), null, k -> 0, none);
        }
        assertThat(none).isEmpty();
    }

    @Test
    void aStaleSensorRaisesAndReportingAgainResolves() {
        Rule rule = new Rule(3, "stale", "pressure", null, null, Rule.STALE, null, 0, 0, 0, 0, 0, 0, 5, null, null, 0, 4,
                null, true);
        RuleEngine engine = new RuleEngine();
        List<RuleEngine.Transition> out = new ArrayList<>();
        engine.onStaleCheck(rule, 1, 200_000, 0, 60, out);
        assertThat(out).isEmpty();
        engine.onStaleCheck(rule, 1, 301_000, 0, 60, out);
        engine.onStaleCheck(rule, 1, 400_000, 0, 60, out);
        engine.onStaleCheck(rule, 1, 410_000, 410_000, 60, out);
        assertThat(out).extracting(RuleEngine.Transition::step).containsExactly(AlertState.Step.RAISE, AlertState.Step.RESOLVE);
    }

    @Test
    void aCompositeNeedsTheOtherSensorOfTheAsset() {
        Rule rule = new Rule(4, "c", "methane", null, null, Rule.COMPOSITE, "above", 5, 0, 0, 0, 0, 0, 0, "manhole-tilt",
                "above", 5, 2, "E0504", true);
        RuleEngine engine = new RuleEngine();
        List<RuleEngine.Transition> out = new ArrayList<>();
        engine.onReading(rule, 1, 0, 9, new int[] {2}, k -> 1.0, out);
        assertThat(out).isEmpty();
        engine.onReading(rule, 1, 1000, 9, new int[] {2}, k -> 12.0, out);
        assertThat(out).hasSize(1);
    }

    /** Values oscillating anywhere inside the hysteresis band after a raise never resolve: no flapping. */
    @Test
    void hysteresisNeverFlaps() {
        qt().forAll(lists().of(doubles().between(8.0, 10.0)).ofSizeBetween(1, 200), integers().between(0, 120))
                .checkAssert((band, hold) -> {
                    Rule rule = threshold("above", 10, 2, 0, hold);
                    RuleEngine engine = new RuleEngine();
                    List<RuleEngine.Transition> out = new ArrayList<>();
                    engine.onReading(rule, 1, 0, 11, null, k -> 0, out);
                    for (int i = 0; i < band.size(); i++) {
                        engine.onReading(rule, 1, (i + 1) * 1000L, band.get(i), null, k -> 0, out);
                    }
                    assertThat(out).extracting(RuleEngine.Transition::step).containsExactly(AlertState.Step.RAISE);
                });
    }

    /**
     * For any sequence of values and times, raises and resolves alternate (at most one open alert per
     * rule and sensor), every raise is preceded by the minimum duration above the limit and every
     * resolve by the hold time past the band.
     */
    @Test
    void oneOpenAlertPerRuleAndSensorAndEveryTransitionIsEarned() {
        qt().forAll(lists().of(doubles().between(0.0, 20.0)).ofSizeBetween(1, 300), integers().between(0, 60),
                        integers().between(0, 60))
                .checkAssert((values, minDuration, hold) -> {
                    Rule rule = threshold("above", 10, 2, minDuration, hold);
                    RuleEngine engine = new RuleEngine();
                    List<RuleEngine.Transition> out = new ArrayList<>();
                    long step = 7_000;
                    for (int i = 0; i < values.size(); i++) {
                        int before = out.size();
                        engine.onReading(rule, 1, i * step, values.get(i), null, k -> 0, out);
                        if (out.size() > before) {
                            RuleEngine.Transition t = out.get(out.size() - 1);
                            long need = t.step() == AlertState.Step.RAISE ? minDuration * 1000L : hold * 1000L;
                            // walk back over the readings that earned the transition
                            long since = t.t();
                            for (int j = i; j >= 0; j--) {
                                double v = values.get(j);
                                boolean ok = t.step() == AlertState.Step.RAISE ? v > 10 : v < 8;
                                if (!ok) {
                                    break;
                                }
                                since = j * step;
                            }
                            assertThat(t.t() - since).isGreaterThanOrEqualTo(need);
                        }
                    }
                    for (int i = 0; i < out.size(); i++) {
                        assertThat(out.get(i).step()).isEqualTo(i % 2 == 0 ? AlertState.Step.RAISE : AlertState.Step.RESOLVE);
                    }
                    assertThat(engine.isOpen(1, 1)).isEqualTo(out.size() % 2 == 1);
                });
    }
}

package org.megacity.telemetry.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * Test access: feeds a series of readings of one sensor type through the rules an application
 * context has in force (the rule book it loaded, with a fresh rule engine), and lists the alerts
 * raised and resolved, so two instances can be given the same readings and compared.
 */
public final class AlertReplay {

    /** An alert raised or resolved: by which rule (name, severity, case category), when, at which value. */
    public record Alert(String step, String rule, int severity, String category, long t, double value) {
    }

    private AlertReplay() {
    }

    /**
     * Readings of one sensor of the type, {@code stepMillis} apart; threshold and rate rules apply
     * (stale rules run on a schedule, composite ones need a second sensor).
     */
    public static List<Alert> replay(ApplicationContext context, String sensorType, double[] values, long stepMillis) {
        RuleBook book = context.getBean(RuleBook.class);
        RuleEngine engine = new RuleEngine();
        List<RuleEngine.Transition> transitions = new ArrayList<>();
        List<Rule> rules = book.all().stream().filter(r -> r.enabled() && !r.override() && r.sensorType().equals(sensorType)
                && (Rule.THRESHOLD.equals(r.kind()) || Rule.RATE.equals(r.kind()))).toList();
        for (int i = 0; i < values.length; i++) {
            for (Rule rule : rules) {
                engine.onReading(rule, 1, i * stepMillis, values[i], null, k -> 0, transitions);
            }
        }
        return transitions.stream().map(t -> new Alert(t.step().name(), t.rule().name(), t.rule().severity(),
                t.rule().category(), t.t(), t.value())).toList();
    }
}

package org.megacity.telemetry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.megacity.assets.AssetRegistry;
import org.megacity.assets.AssetType;
import org.megacity.audit.AuditTrail;
import org.megacity.platform.Problems;
import org.megacity.platform.Problems.Violation;
import org.megacity.telemetry.SensorType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creating, changing, disabling and enabling alert rules: validated (400 naming each field),
 * audited in the same transaction, and effective on the running engine at once (the rule book is
 * reloaded in the transaction and again after a rollback; a disabled rule's open alerts are resolved).
 */
@Service
class RuleAdministration {

    static final double MAX_RADIUS_M = 10_000;
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][0-9]{4}");

    /** A rule as written over the API; absent numbers take their defaults (0) where the kind does not need them. */
    record RuleIn(String name, String sensorType, TelemetryApi.AssetRef asset, String kind, String direction, Double limit,
            Double hysteresis, Integer minDurationSeconds, Integer holdSeconds, Double dropPercent, Integer windowSeconds,
            Integer staleIntervals, String otherType, String otherDirection, Double otherLimit, Double radiusMetres,
            Integer severity, String category, Boolean enabled) {
    }

    private final RuleBook rules;
    private final Telemetry telemetry;
    private final AssetRegistry assets;
    private final AuditTrail audit;

    RuleAdministration(RuleBook rules, Telemetry telemetry, AssetRegistry assets, AuditTrail audit) {
        this.rules = rules;
        this.telemetry = telemetry;
        this.assets = assets;
        this.audit = audit;
    }

    @Transactional
    public Rule create(RuleIn in) {
        Rule r = validate(0, in);
        long id = rules.create(r);
        audit.record("telemetry.rule.created", describe(r.withId(id)), "ok");
        effective();
        return rules.find(id).orElseThrow();
    }

    @Transactional
    public Rule update(long id, RuleIn in) {
        Rule before = rules.find(id).orElseThrow(() -> Problems.notFound("no rule " + id));
        Rule r = validate(id, in);
        rules.update(r);
        audit.record("telemetry.rule.changed", describe(r) + ";was=" + describe(before), "ok");
        effective();
        telemetry.ruleChanged(id, !r.enabled() || !sameTarget(before, r));
        return rules.find(id).orElseThrow();
    }

    /** Enables or disables a rule; disabling resolves its open alerts. */
    @Transactional
    public Rule enable(long id, boolean enabled) {
        Rule before = rules.find(id).orElseThrow(() -> Problems.notFound("no rule " + id));
        Rule r = new Rule(id, before.name(), before.sensorType(), before.assetType(), before.assetId(), before.kind(),
                before.direction(), before.limit(), before.hysteresis(), before.minDurationSeconds(), before.holdSeconds(),
                before.dropPercent(), before.windowSeconds(), before.staleIntervals(), before.otherType(),
                before.otherDirection(), before.otherLimit(), before.severity(), before.category(), enabled,
                before.radiusMetres());
        rules.update(r);
        audit.record(enabled ? "telemetry.rule.enabled" : "telemetry.rule.disabled", "rule=" + id, "ok");
        effective();
        int resolved = telemetry.ruleChanged(id, !enabled);
        if (resolved > 0) {
            audit.record("telemetry.rule.alerts-resolved", "rule=" + id + ";alerts=" + resolved, "ok");
        }
        return rules.find(id).orElseThrow();
    }

    /** A rule whose kind or sensors changed no longer owns its alarm states. */
    private static boolean sameTarget(Rule a, Rule b) {
        return a.kind().equals(b.kind()) && a.sensorType().equals(b.sensorType())
                && java.util.Objects.equals(a.assetType(), b.assetType()) && java.util.Objects.equals(a.assetId(), b.assetId());
    }

    /** The engine sees the change at once; should the transaction roll back, it sees the old rules again. */
    private void effective() {
        rules.reload();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        rules.reload();
                    }
                }
            });
        }
    }

    private static String describe(Rule r) {
        return "rule=" + r.id() + ";sensorType=" + r.sensorType() + ";kind=" + r.kind()
                + (r.override() ? ";asset=" + r.assetType() + "/" + r.assetId() : "") + ";severity=" + r.severity()
                + ";enabled=" + r.enabled();
    }

    /** Checks a rule; throws a 400 problem naming every field in error. */
    Rule validate(long id, RuleIn in) {
        List<Violation> errors = new ArrayList<>();
        if (in == null) {
            throw Problems.invalid("body", "a JSON object describing the rule");
        }
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            errors.add(new Violation("name", "required, at most 200 characters"));
        }
        SensorType type = in.sensorType() == null ? null : SensorType.byId(in.sensorType()).orElse(null);
        if (type == null) {
            errors.add(new Violation("sensorType", "unknown sensor type " + in.sensorType()));
        }
        String assetType = null;
        Long assetId = null;
        if (in.asset() != null) {
            AssetType at = in.asset().type() == null ? null : AssetType.byId(in.asset().type()).orElse(null);
            if (at == null) {
                errors.add(new Violation("asset.type", "unknown asset type " + in.asset().type()));
            } else if (in.asset().id() == null) {
                errors.add(new Violation("asset.id", "required with asset.type"));
            } else if (assets.find(at, in.asset().id()).isEmpty()) {
                errors.add(new Violation("asset", "no " + at.id() + " " + in.asset().id()));
            } else {
                assetType = at.id();
                assetId = in.asset().id();
            }
        }
        String kind = in.kind() == null ? null : in.kind().toLowerCase(Locale.ROOT);
        // List.of(...).contains(null) throws: an absent kind is checked first
        if (kind == null || !List.of(Rule.THRESHOLD, Rule.RATE, Rule.STALE, Rule.COMPOSITE).contains(kind)) {
            errors.add(new Violation("kind", "one of threshold, rate, stale, composite"));
        }
        boolean conditional = Rule.THRESHOLD.equals(kind) || Rule.COMPOSITE.equals(kind);
        String direction = null;
        double limit = 0;
        if (conditional) {
            direction = direction(in.direction(), "direction", errors);
            limit = value(in.limit(), "limit", type, errors);
        }
        double hysteresis = nonNegative(in.hysteresis(), "hysteresis", errors);
        int minDuration = seconds(in.minDurationSeconds(), "minDurationSeconds", 0, 86_400, errors);
        int hold = seconds(in.holdSeconds(), "holdSeconds", 0, 86_400, errors);
        double drop = 0;
        int window = 0;
        if (Rule.RATE.equals(kind)) {
            if (in.dropPercent() == null || !(in.dropPercent() > 0 && in.dropPercent() <= 100)) {
                errors.add(new Violation("dropPercent", "required, above 0 and at most 100"));
            } else {
                drop = in.dropPercent();
            }
            if (in.windowSeconds() == null) {
                errors.add(new Violation("windowSeconds", "required for a rate rule"));
            } else {
                window = seconds(in.windowSeconds(), "windowSeconds", 1, 86_400, errors);
            }
        }
        int staleIntervals = 0;
        if (Rule.STALE.equals(kind)) {
            if (in.staleIntervals() == null || in.staleIntervals() < 1 || in.staleIntervals() > 1000) {
                errors.add(new Violation("staleIntervals", "required, between 1 and 1000"));
            } else {
                staleIntervals = in.staleIntervals();
            }
        }
        String otherType = null;
        String otherDirection = null;
        double otherLimit = 0;
        double radius = 0;
        if (Rule.COMPOSITE.equals(kind)) {
            SensorType other = in.otherType() == null ? null : SensorType.byId(in.otherType()).orElse(null);
            if (other == null) {
                errors.add(new Violation("otherType", "unknown sensor type " + in.otherType()));
            } else {
                otherType = other.id();
            }
            otherDirection = direction(in.otherDirection(), "otherDirection", errors);
            otherLimit = value(in.otherLimit(), "otherLimit", other, errors);
            if (in.radiusMetres() != null) {
                if (!(in.radiusMetres() > 0 && in.radiusMetres() <= MAX_RADIUS_M)) {
                    errors.add(new Violation("radiusMetres", "above 0 and at most " + (int) MAX_RADIUS_M
                            + " (absent: a sensor of the same asset)"));
                } else {
                    radius = in.radiusMetres();
                }
            }
        } else if (in.radiusMetres() != null) {
            errors.add(new Violation("radiusMetres", "only for composite rules"));
        }
        if (in.severity() == null || in.severity() < 1 || in.severity() > 4) {
            errors.add(new Violation("severity", "required, 1 (I, most severe) to 4 (IV)"));
        }
        if (in.category() != null && !CATEGORY.matcher(in.category()).matches()) {
            errors.add(new Violation("category", "a case category code such as E0504"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return new Rule(id, in.name().strip(), type.id(), assetType, assetId, kind, direction, limit, hysteresis, minDuration,
                hold, drop, window, staleIntervals, otherType, otherDirection, otherLimit, in.severity(), in.category(),
                in.enabled() == null || in.enabled(), radius);
    }

    private static String direction(String d, String field, List<Violation> errors) {
        if (!"above".equals(d) && !"below".equals(d)) {
            errors.add(new Violation(field, "above or below"));
            return null;
        }
        return d;
    }

    private static double value(Double v, String field, SensorType type, List<Violation> errors) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            errors.add(new Violation(field, "required, a number"));
            return 0;
        }
        if (type != null && !type.inRange(v)) {
            errors.add(new Violation(field, "outside the physical range [" + type.min() + ", " + type.max() + "] "
                    + type.unit()));
        }
        return v;
    }

    private static double nonNegative(Double v, String field, List<Violation> errors) {
        if (v == null) {
            return 0;
        }
        if (v.isNaN() || v < 0) {
            errors.add(new Violation(field, "at least 0"));
            return 0;
        }
        return v;
    }

    private static int seconds(Integer v, String field, int min, int max, List<Violation> errors) {
        if (v == null) {
            return min;
        }
        if (v < min || v > max) {
            errors.add(new Violation(field, "between " + min + " and " + max));
            return min;
        }
        return v;
    }
}

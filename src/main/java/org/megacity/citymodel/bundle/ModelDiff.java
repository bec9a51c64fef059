package org.megacity.citymodel.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.megacity.cases.CatalogueDefinition;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionLevel;
import org.megacity.identity.PermissionTable;
import org.megacity.organization.Department;
import org.megacity.telemetry.AlertRuleDefinition;
import org.megacity.worktime.CalendarYearDefinition;

/**
 * What one city does differently from another, section by section, for an official to read: the
 * divisions (counts and districts), departments, case categories (departments and time limits),
 * 12345 types, routing overrides, the working calendar, alert rules, roles, priority areas and the
 * permission table (by callers and jurisdiction rule; a row's notes are commentary).
 */
public final class ModelDiff {

    /**
     * One difference: something only in A ({@code removed}), only in B ({@code added}), or in both
     * but different ({@code changed}).
     *
     * @param subject what differs, e.g. {@code E0504 燃气泄漏 / Gas leak}
     * @param a       its value in A, or null when it is only in B
     * @param b       its value in B, or null when it is only in A
     */
    public record Change(String kind, String subject, String a, String b) {
    }

    /** The differences of one part of the model; empty when the two cities agree on it. */
    public record Section(String title, List<Change> changes) {
    }

    private ModelDiff() {
    }

    public static List<Section> between(CityModel a, CityModel b) {
        List<Section> sections = new ArrayList<>();
        sections.add(divisions(a, b));
        sections.add(departments(a, b));
        sections.add(categories(a.catalogue(), b.catalogue()));
        sections.add(keyed("12345 hotline types", a.catalogue().hotlineTypes(), b.catalogue().hotlineTypes(),
                CatalogueDefinition.HotlineType::code, t -> t.code() + " " + t.name() + " / " + t.nameEn(),
                t -> "answer within " + t.handle()));
        sections.add(keyed("Routing overrides", a.catalogue().routingOverrides(), b.catalogue().routingOverrides(),
                o -> o.district() + "/" + o.categoryPrefix(),
                o -> "in district " + o.district() + ", categories " + o.categoryPrefix() + "*", o -> "→ " + o.department()));
        sections.add(calendar(a, b));
        sections.add(rules(a.alertRules(), b.alertRules()));
        sections.add(keyed("Roles", a.roles(), b.roles(), r -> r, r -> r, r -> "present"));
        sections.add(keyed("Legislative priority areas", a.priorityAreas(), b.priorityAreas(), r -> r, r -> r,
                r -> "present"));
        sections.add(keyed("Permission table",
                a.permissions().rows(), b.permissions().rows(), PermissionTable.Row::key, PermissionTable.Row::key,
                PermissionTable.Row::grant));
        return sections;
    }

    private static Section divisions(CityModel a, CityModel b) {
        List<Change> changes = new ArrayList<>();
        for (DivisionLevel level : DivisionLevel.values()) {
            long na = a.divisions().stream().filter(d -> d.level() == level).count();
            long nb = b.divisions().stream().filter(d -> d.level() == level).count();
            if (na != nb) {
                changes.add(new Change("changed", "number of " + plural(level), String.format("%,d", na),
                        String.format("%,d", nb)));
            }
        }
        List<Division> da = a.divisions().stream().filter(d -> d.level() == DivisionLevel.DISTRICT).toList();
        List<Division> db = b.divisions().stream().filter(d -> d.level() == DivisionLevel.DISTRICT).toList();
        changes.addAll(keyed("", da, db, d -> d.code().value(), d -> "district " + d.code().value(),
                d -> d.name() + " / " + d.nameEn()).changes());
        return new Section("Divisions", changes);
    }

    private static String plural(DivisionLevel level) {
        return switch (level) {
            case DISTRICT -> "districts";
            case STREET -> "streets";
            case COMMUNITY -> "communities";
            case GRID -> "unit grids";
        };
    }

    private static Section departments(CityModel a, CityModel b) {
        List<Change> changes = new ArrayList<>(keyed("", a.organization().departments(), b.organization().departments(),
                d -> d.code().value(), d -> "department " + d.code().value() + " (" + d.name() + " / " + d.nameEn() + ")",
                d -> d.kind().id()).changes());
        Map<String, Department> inB = new LinkedHashMap<>();
        b.organization().departments().forEach(d -> inB.put(d.code().value(), d));
        for (Department d : a.organization().departments()) {
            Department other = inB.get(d.code().value());
            if (other != null && other.branches().size() != d.branches().size()) {
                changes.add(new Change("changed", "branches of " + d.code().value(), d.branches().size() + " districts",
                        other.branches().size() + " districts"));
            }
        }
        long ca = a.organization().centres().size();
        long cb = b.organization().centres().size();
        if (ca != cb) {
            changes.add(new Change("changed", "operation and governance centres", String.format("%,d", ca),
                    String.format("%,d", cb)));
        }
        return new Section("Departments and centres", changes);
    }

    /** Categories only in one city in full; categories in both by the fields that differ only. */
    private static Section categories(CatalogueDefinition a, CatalogueDefinition b) {
        return onlyDifferingParts(keyed("Case categories: departments and time limits", a.categories(), b.categories(),
                CatalogueDefinition.Category::code, c -> c.code() + " " + c.name() + " / " + c.nameEn(),
                c -> "department " + c.department() + ", dispatch " + c.dispatch() + ", handle " + c.handle()
                        + ", verify " + c.verify()));
    }

    /** A changed entry described as ", "-separated parts keeps only the parts that differ. */
    private static Section onlyDifferingParts(Section whole) {
        List<Change> changes = new ArrayList<>();
        for (Change c : whole.changes()) {
            String[] x = c.kind().equals("changed") ? c.a().split(", ") : null;
            String[] y = c.kind().equals("changed") ? c.b().split(", ") : null;
            if (x == null || x.length != y.length) {
                changes.add(c);
                continue;
            }
            List<String> from = new ArrayList<>();
            List<String> to = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (!x[i].equals(y[i])) {
                    from.add(x[i]);
                    to.add(y[i]);
                }
            }
            changes.add(new Change("changed", c.subject(), String.join(", ", from), String.join(", ", to)));
        }
        return new Section(whole.title(), changes);
    }

    private static Section calendar(CityModel a, CityModel b) {
        List<Change> changes = new ArrayList<>();
        if (!a.zone().equals(b.zone())) {
            changes.add(new Change("changed", "time zone", a.zone(), b.zone()));
        }
        Map<Integer, CalendarYearDefinition> ya = new LinkedHashMap<>();
        a.calendar().forEach(y -> ya.put(y.year(), y));
        Map<Integer, CalendarYearDefinition> yb = new LinkedHashMap<>();
        b.calendar().forEach(y -> yb.put(y.year(), y));
        TreeSet<Integer> years = new TreeSet<>(ya.keySet());
        years.addAll(yb.keySet());
        for (int year : years) {
            CalendarYearDefinition x = ya.get(year);
            CalendarYearDefinition y = yb.get(year);
            if (x == null || y == null) {
                changes.add(new Change(x == null ? "added" : "removed", "calendar " + year,
                        x == null ? null : "published", y == null ? null : "published"));
                continue;
            }
            if (!x.hours().equals(y.hours())) {
                changes.add(new Change("changed", year + " working hours", String.join(", ", x.hours()),
                        String.join(", ", y.hours())));
            }
            changes.addAll(keyed("", x.holidays(), y.holidays(), h -> h.name(),
                    h -> year + " holiday " + h.name() + (h.nameEn().isEmpty() ? "" : " / " + h.nameEn()),
                    h -> h.from().equals(h.to()) ? h.from().toString() : h.from() + " to " + h.to()).changes());
            changes.addAll(keyed("", x.workdays(), y.workdays(), w -> w.date().toString(),
                    w -> year + " make-up working day " + w.date(), w -> "for " + w.forHoliday()).changes());
        }
        return new Section("Working calendar", changes);
    }

    /**
     * Rules are matched by sensor type, kind and severity (the n-th of a city's rules with these), so
     * a limit changed together with the rule's name reads as one change, not a removal and an addition.
     */
    private static Section rules(List<AlertRuleDefinition> a, List<AlertRuleDefinition> b) {
        return onlyDifferingParts(keyed("Alert rules", keyedRules(a), keyedRules(b), KeyedRule::key,
                k -> k.rule().sensorType() + " " + k.rule().kind() + " rule of severity " + roman(k.rule().severity()),
                k -> describe(k.rule())));
    }

    private record KeyedRule(String key, AlertRuleDefinition rule) {
    }

    private static List<KeyedRule> keyedRules(List<AlertRuleDefinition> rules) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<KeyedRule> out = new ArrayList<>();
        for (AlertRuleDefinition r : rules) {
            String base = r.sensorType() + "/" + r.kind() + "/" + r.severity();
            int n = seen.merge(base, 1, Integer::sum);
            out.add(new KeyedRule(base + "/" + n, r));
        }
        return out;
    }

    private static String describe(AlertRuleDefinition r) {
        StringBuilder s = new StringBuilder("\"" + r.name() + "\"");
        switch (r.kind()) {
            case "threshold" -> s.append(", ").append(r.direction()).append(' ').append(number(r.limit()))
                    .append(", for ").append(r.minDurationSeconds()).append(" s, hysteresis ").append(number(r.hysteresis()))
                    .append(", hold ").append(r.holdSeconds()).append(" s");
            case "rate" -> s.append(", drop of ").append(number(r.dropPercent())).append(" % within ")
                    .append(r.windowSeconds()).append(" s, hold ").append(r.holdSeconds()).append(" s");
            case "stale" -> s.append(", silent for ").append(r.staleIntervals()).append(" intervals");
            default -> s.append(", ").append(r.direction()).append(' ').append(number(r.limit())).append(" with ")
                    .append(r.otherType()).append(' ').append(r.otherDirection()).append(' ')
                    .append(number(r.otherLimit())).append(", hold ").append(r.holdSeconds()).append(" s");
        }
        s.append(r.category() == null ? ", no case" : ", opens a case in " + r.category());
        if (!r.enabled()) {
            s.append(", disabled");
        }
        return s.toString();
    }

    private static String roman(int severity) {
        return switch (severity) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            default -> "IV";
        };
    }

    private static String number(Double d) {
        if (d == null) {
            return "?";
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Entries matched by key: only in A, only in B, or described differently. */
    private static <T> Section keyed(String title, List<T> a, List<T> b, Function<T, String> key,
            Function<T, String> subject, Function<T, String> value) {
        Map<String, T> ma = new LinkedHashMap<>();
        a.forEach(t -> ma.put(key.apply(t), t));
        Map<String, T> mb = new LinkedHashMap<>();
        b.forEach(t -> mb.put(key.apply(t), t));
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, T> e : ma.entrySet()) {
            T other = mb.get(e.getKey());
            if (other == null) {
                changes.add(new Change("removed", subject.apply(e.getValue()), value.apply(e.getValue()), null));
            } else if (!Objects.equals(value.apply(e.getValue()), value.apply(other))) {
                changes.add(new Change("changed", subject.apply(e.getValue()), value.apply(e.getValue()),
                        value.apply(other)));
            }
        }
        for (Map.Entry<String, T> e : mb.entrySet()) {
            if (!ma.containsKey(e.getKey())) {
                changes.add(new Change("added", subject.apply(e.getValue()), null, value.apply(e.getValue())));
            }
        }
        return new Section(title, changes);
    }

    /** The differences as plain text, grouped by section; sections without a difference say so in one line. */
    public static String text(List<Section> sections, String labelA, String labelB) {
        StringBuilder out = new StringBuilder();
        out.append("A: ").append(labelA).append('\n').append("B: ").append(labelB).append('\n');
        int total = sections.stream().mapToInt(s -> s.changes().size()).sum();
        out.append(total == 0 ? "The two city models are the same.\n" : total + " difference(s).\n");
        for (Section s : sections) {
            out.append('\n').append(s.title());
            if (s.changes().isEmpty()) {
                out.append(": the same\n");
                continue;
            }
            out.append(" (").append(s.changes().size()).append(")\n");
            for (Change c : s.changes()) {
                out.append("  ").append(switch (c.kind()) {
                    case "removed" -> "only in A: " + c.subject() + ": " + c.a();
                    case "added" -> "only in B: " + c.subject() + ": " + c.b();
                    default -> c.subject() + ": " + c.a() + "  →  " + c.b();
                }).append('\n');
            }
        }
        return out.toString();
    }

    /** The differences as JSON: {@code {"a", "b", "differences", "sections": [{"title", "changes": [...]}]}}. */
    public static String json(List<Section> sections, String labelA, String labelB) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("a", labelA);
        root.put("b", labelB);
        root.put("differences", sections.stream().mapToInt(s -> s.changes().size()).sum());
        List<Object> list = new ArrayList<>();
        for (Section s : sections) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", s.title());
            List<Object> changes = new ArrayList<>();
            for (Change c : s.changes()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("kind", c.kind());
                cm.put("subject", c.subject());
                cm.put("a", c.a());
                cm.put("b", c.b());
                changes.add(cm);
            }
            m.put("changes", changes);
            list.add(m);
        }
        root.put("sections", list);
        return JsonText.write(root);
    }
}

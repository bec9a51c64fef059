package org.megacity.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.megacity.cases.CaseStatus;
import org.megacity.cases.Channel;
import org.megacity.identity.Actor;
import org.megacity.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lists with filters, limited to what the actor may see, and the KPIs. */
@Component
class CaseQueries {

    private final JdbcClient jdbc;
    private final KpiRollup rollup;

    CaseQueries(JdbcClient jdbc, KpiRollup rollup) {
        this.jdbc = jdbc;
        this.rollup = rollup;
    }

    record Filter(List<CaseStatus> statuses, String category, Channel channel, String division, String department,
            Boolean overdue, Instant now, int limit, int offset) {
    }

    private record Where(StringBuilder sql, List<Object> params) {
        Where and(String clause, Object... values) {
            sql.append(" and ").append(clause);
            params.addAll(List.of(values));
            return this;
        }
    }

    /** The visibility clause: jurisdiction by grid prefix, by department, or own reports. */
    private static void visibleTo(Actor actor, Where w) {
        if (actor.equals(Actor.SYSTEM)) {
            return;
        }
        List<String> ors = new ArrayList<>();
        List<Object> ps = new ArrayList<>();
        boolean staff = actor.roles().stream().anyMatch(r -> r == Role.DISPATCHER || r == Role.SUPERVISOR
                || r == Role.INSPECTOR || r == Role.HOTLINE_OPERATOR || r == Role.DEPUTY);
        if (staff) {
            if (actor.jurisdiction().citywide()) {
                ors.add("1 = 1");
            }
            for (String d : actor.jurisdiction().divisions()) {
                ors.add("grid_code like ?");
                ps.add(d + "%");
            }
        }
        if (actor.has(Role.DEPARTMENT_HANDLER)) {
            if (actor.jurisdiction().citywide()) {
                ors.add("1 = 1");
            }
            for (String d : actor.jurisdiction().departments()) {
                ors.add("department = ?");
                ps.add(d);
            }
        }
        ors.add("reporter_account = ?");
        ps.add(actor.accountId());
        w.and("(" + String.join(" or ", ors) + ")", ps.toArray());
    }

    List<CaseFile> list(Actor actor, Filter f) {
        Where w = new Where(new StringBuilder(CaseStore.SELECT + " where 1 = 1"), new ArrayList<>());
        visibleTo(actor, w);
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            w.and("status in (" + "?, ".repeat(f.statuses().size() - 1) + "?)", f.statuses().stream().map(Enum::name).toArray());
        }
        if (f.category() != null) {
            w.and("category like ?", f.category() + "%");
        }
        if (f.channel() != null) {
            w.and("channel = ?", f.channel().name());
        }
        if (f.division() != null) {
            w.and("grid_code like ?", f.division() + "%");
        }
        if (f.department() != null) {
            w.and("department = ?", f.department());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            w.and("due_at is not null and due_at < ? and status not in ('SUSPENDED', 'REJECTED', 'CLOSED', 'EVALUATED')",
                    Timestamp.from(f.now()));
        } else if (Boolean.FALSE.equals(f.overdue())) {
            w.and("(due_at is null or due_at >= ? or status in ('SUSPENDED', 'REJECTED', 'CLOSED', 'EVALUATED'))",
                    Timestamp.from(f.now()));
        }
        w.sql().append(" order by id desc limit ? offset ?");
        w.params().add(f.limit());
        w.params().add(f.offset());
        return jdbc.sql(w.sql().toString()).params(w.params()).query(CaseStore::read).list();
    }

    /** One group's figures; the rates and means are derived from the counts and sums. */
    record KpiRow(String key, long filed, long closed, long closedOnTime, long responded, long evaluated,
            long satisfied, long handlingSum, long handlingN, long satisfactionSum) {

        double closureRate() {
            return filed == 0 ? 0 : (double) closed / filed;
        }

        double onTimeClosureRate() {
            return closed == 0 ? 0 : (double) closedOnTime / closed;
        }

        double responseRate() {
            return filed == 0 ? 0 : (double) responded / filed;
        }

        double satisfactionRate() {
            return evaluated == 0 ? 0 : (double) satisfied / evaluated;
        }

        /** Mean working hours from dispatch to handling of the closed cases. */
        Double meanHandlingHours() {
            return handlingN == 0 ? null : handlingSum / 3600.0 / handlingN;
        }

        Double meanSatisfaction() {
            return evaluated == 0 ? null : (double) satisfactionSum / evaluated;
        }

        KpiRow plus(KpiRow o) {
            return new KpiRow(key, filed + o.filed, closed + o.closed, closedOnTime + o.closedOnTime, responded + o.responded,
                    evaluated + o.evaluated, satisfied + o.satisfied, handlingSum + o.handlingSum, handlingN + o.handlingN,
                    satisfactionSum + o.satisfactionSum);
        }
    }

    static final Map<String, String> GROUPS = Map.of("department", "department", "district", "district_code",
            "category", "category");

    /**
     * The KPIs of the cases filed in {@code [from, to)} grouped by department, district or category:
     * filed, closed (closed or evaluated), closed on time (handled by the deadline), responded (a
     * department accepted it), evaluated and satisfied (4 or 5), working seconds from dispatch to
     * handling of the closed cases, satisfaction. Whole months come from the monthly roll-up when the
     * actor sees the whole city; the days before the first and after the last whole month, and
     * everything for an actor with a narrower reach, from the cases themselves.
     */
    List<KpiRow> kpis(Actor actor, String groupBy, Instant from, Instant to) {
        String column = GROUPS.get(groupBy);
        java.util.TreeMap<String, KpiRow> rows = new java.util.TreeMap<>();
        boolean whole = actor.equals(Actor.SYSTEM) || actor.jurisdiction().citywide() && actor.roles().stream()
                .anyMatch(r -> r == Role.DISPATCHER || r == Role.SUPERVISOR || r == Role.INSPECTOR
                        || r == Role.HOTLINE_OPERATOR || r == Role.DEPUTY || r == Role.DEPARTMENT_HANDLER);
        if (!whole) {
            add(rows, base(actor, column, from, to));
            return List.copyOf(rows.values());
        }
        java.time.YearMonth first = from == null ? null : rollup.month(from);
        if (first != null && rollup.monthStart(first).isBefore(from)) {
            Instant edge = rollup.monthStart(first.plusMonths(1));
            add(rows, base(actor, column, from, to != null && to.isBefore(edge) ? to : edge));
            first = first.plusMonths(1);
        }
        java.time.YearMonth last = to == null ? null : rollup.month(to);   // exclusive
        if (last != null && (first == null || !last.isBefore(first))) {
            Instant lastStart = rollup.monthStart(last);
            if (lastStart.isBefore(to)) {
                add(rows, base(actor, column, lastStart, to));
            }
        }
        if (first == null || last == null || last.isAfter(first)) {
            add(rows, months(column, first, last));
        }
        return List.copyOf(rows.values());
    }

    /** The same figures computed from the cases alone (the roll-up's reference). */
    List<KpiRow> kpisFromCases(String groupBy, Instant from, Instant to) {
        java.util.TreeMap<String, KpiRow> rows = new java.util.TreeMap<>();
        add(rows, base(Actor.SYSTEM, GROUPS.get(groupBy), from, to));
        return List.copyOf(rows.values());
    }

    private static void add(java.util.TreeMap<String, KpiRow> rows, List<KpiRow> more) {
        for (KpiRow r : more) {
            rows.merge(r.key(), r, KpiRow::plus);
        }
    }

    private static final String SUMS = KpiRollup.SUMS;

    private static KpiRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new KpiRow(rs.getString("k"), rs.getLong("filed"), rs.getLong("closed"), rs.getLong("ontime"),
                rs.getLong("responded"), rs.getLong("evaluated"), rs.getLong("satisfied"), rs.getLong("handling_sum"),
                rs.getLong("handling_n"), rs.getLong("satisfaction_sum"));
    }

    /** From the cases: filed in [from, to). */
    private List<KpiRow> base(Actor actor, String column, Instant from, Instant to) {
        Where w = new Where(new StringBuilder("select " + column + " as k, " + SUMS + "from cases_case where filed_at is not null"),
                new ArrayList<>());
        visibleTo(actor, w);
        if (from != null) {
            w.and("filed_at >= ?", Timestamp.from(from));
        }
        if (to != null) {
            w.and("filed_at < ?", Timestamp.from(to));
        }
        w.sql().append(" group by ").append(column);
        return jdbc.sql(w.sql().toString()).params(w.params()).query((rs, n) -> row(rs)).list();
    }

    /** From the roll-up: whole months in [first, last). */
    private List<KpiRow> months(String column, java.time.YearMonth first, java.time.YearMonth last) {
        StringBuilder sql = new StringBuilder("select " + column + " as k, sum(filed) as filed, sum(closed) as closed, "
                + "sum(ontime) as ontime, sum(responded) as responded, sum(evaluated) as evaluated, sum(satisfied) as satisfied, "
                + "sum(handling_sum) as handling_sum, sum(handling_n) as handling_n, sum(satisfaction_sum) as satisfaction_sum "
                + "from cases_kpi_month where filed > 0");
        List<Object> params = new ArrayList<>();
        if (first != null) {
            sql.append(" and filed_month >= ?");
            params.add(first.toString());
        }
        if (last != null) {
            sql.append(" and filed_month < ?");
            params.add(last.toString());
        }
        sql.append(" group by ").append(column);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
    }
}

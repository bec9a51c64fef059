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

    CaseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        Where w = new Where(new StringBuilder("select * from cases_case where 1 = 1"), new ArrayList<>());
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

    /** One group's figures; the rates are derived from the counts. */
    record KpiRow(String key, long filed, long closed, long closedOnTime, long responded, long evaluated,
            long satisfied, Double meanHandlingHours, Double meanSatisfaction) {

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
    }

    static final Map<String, String> GROUPS = Map.of("department", "department", "district", "district_code",
            "category", "category");

    /**
     * The KPIs of the cases filed in {@code [from, to)} grouped by department, district or category:
     * filed, closed (closed or evaluated), closed on time (handled by the deadline), responded (a
     * department accepted it), evaluated and satisfied (4 or 5), mean working hours from dispatch to
     * handling, mean satisfaction.
     */
    List<KpiRow> kpis(Actor actor, String groupBy, Instant from, Instant to) {
        String column = GROUPS.get(groupBy);
        Where w = new Where(new StringBuilder("select " + column + " as k, count(*) as filed, "
                + "sum(case when status in ('CLOSED', 'EVALUATED') then 1 else 0 end) as closed, "
                + "sum(case when status in ('CLOSED', 'EVALUATED') and handled_on_time then 1 else 0 end) as ontime, "
                + "sum(case when accepted_at is not null or handled_at is not null then 1 else 0 end) as responded, "
                + "sum(case when satisfaction is not null then 1 else 0 end) as evaluated, "
                + "sum(case when satisfaction >= 4 then 1 else 0 end) as satisfied, "
                + "avg(case when status in ('CLOSED', 'EVALUATED') then handling_seconds end) as handling, "
                + "avg(cast(satisfaction as double precision)) as sat "
                + "from cases_case where filed_at is not null"), new ArrayList<>());
        visibleTo(actor, w);
        if (from != null) {
            w.and("filed_at >= ?", Timestamp.from(from));
        }
        if (to != null) {
            w.and("filed_at < ?", Timestamp.from(to));
        }
        w.sql().append(" group by ").append(column).append(" order by ").append(column);
        return jdbc.sql(w.sql().toString()).params(w.params()).query((rs, n) -> {
            double handling = rs.getDouble("handling");
            Double h = rs.wasNull() ? null : handling / 3600.0;
            double sat = rs.getDouble("sat");
            Double s = rs.wasNull() ? null : sat;
            return new KpiRow(rs.getString("k"), rs.getLong("filed"), rs.getLong("closed"), rs.getLong("ontime"),
                    rs.getLong("responded"), rs.getLong("evaluated"), rs.getLong("satisfied"), h, s);
        }).list();
    }
}

package org.megacity.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.megacity.cases.CaseStatus;
import org.megacity.worktime.WorkingCalendar;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly KPI roll-up ({@code cases_kpi_month}): each filed case contributes its counts to the
 * row of its filing month, district, department and category. A transition moves the case's
 * contribution (subtract what it was, add what it is) in the transition's own transaction; the rows
 * it needs are created beforehand in their own transactions, so concurrent transitions only ever
 * update rows (in key order, so they cannot deadlock). Rows are only ever removed by a rebuild, so the
 * keys known to exist are remembered and a transition on a known key costs no extra statement; a row
 * a rebuild on another node removed is created again when its update finds nothing.
 */
@Component
class KpiRollup implements org.springframework.boot.ApplicationRunner {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final ZoneId zone;

    private final org.springframework.jdbc.core.JdbcTemplate template;
    private final java.util.Set<Key> known = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** At most this many remembered keys (about 15 MB); past it the memory starts again empty. */
    static final int KNOWN_LIMIT = 100_000;

    KpiRollup(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, PlatformTransactionManager transactions,
            WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.template = template;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.zone = calendar.zone();
    }

    record Key(String month, String district, String department, String category) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return Comparator.comparing(Key::month).thenComparing(Key::district).thenComparing(Key::department)
                    .thenComparing(Key::category).compare(this, o);
        }
    }

    /** What a case adds to its row; null when it adds nothing (not filed). */
    record Contribution(Key key, long[] counts) {
    }

    static final int FIELDS = 9;

    Contribution of(CaseFile c) {
        if (c.filedAt == null) {
            return null;
        }
        boolean closed = c.status == CaseStatus.CLOSED || c.status == CaseStatus.EVALUATED;
        long[] v = new long[FIELDS];
        v[0] = 1;
        v[1] = closed ? 1 : 0;
        v[2] = closed && Boolean.TRUE.equals(c.handledOnTime) ? 1 : 0;
        v[3] = c.acceptedAt != null || c.handledAt != null ? 1 : 0;
        v[4] = c.satisfaction != null ? 1 : 0;
        v[5] = c.satisfaction != null && c.satisfaction >= 4 ? 1 : 0;
        v[6] = closed && c.handlingSeconds != null ? c.handlingSeconds : 0;
        v[7] = closed && c.handlingSeconds != null ? 1 : 0;
        v[8] = c.satisfaction != null ? c.satisfaction : 0;
        return new Contribution(new Key(YearMonth.from(c.filedAt.atZone(zone)).toString(), c.districtCode, c.department,
                c.category), v);
    }

    /** Creates the rows the contributions need, each in its own transaction. */
    void prepare(Contribution... contributions) {
        for (Contribution c : contributions) {
            if (c == null) {
                continue;
            }
            create(c.key());
        }
    }

    private void create(Key k) {
        if (known.contains(k)) {
            return;
        }
        boolean exists = jdbc.sql("select count(*) from cases_kpi_month where filed_month = ? and district_code = ? and department = ? "
                + "and category = ?").params(k.month(), k.district(), k.department(), k.category())
                .query(Long.class).single() > 0;
        if (!exists) {
            try {
                own.executeWithoutResult(s -> jdbc.sql("insert into cases_kpi_month values (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0)")
                        .params(k.month(), k.district(), k.department(), k.category()).update());
            } catch (DuplicateKeyException raced) {
                // another transition created it first
            }
        }
        if (known.size() >= KNOWN_LIMIT) {
            // bounded: years of months × districts × departments × categories would otherwise pile up
            known.clear();
        }
        known.add(k);
    }

    /** One row's share of a move: the counts to add to the row of {@code key}. */
    record Move(Key key, long[] delta) {

        /** The update that adds the delta, to send with the case's write. */
        CaseStore.Statement statement() {
            List<Object> params = new ArrayList<>(FIELDS + 4);
            for (long d : delta) {
                params.add(d);
            }
            params.addAll(List.of(key.month(), key.district(), key.department(), key.category()));
            return new CaseStore.Statement(UPDATE, params);
        }
    }

    private static final String UPDATE = """
            update cases_kpi_month set filed = filed + ?, closed = closed + ?, ontime = ontime + ?,
                responded = responded + ?, evaluated = evaluated + ?, satisfied = satisfied + ?,
                handling_sum = handling_sum + ?, handling_n = handling_n + ?, satisfaction_sum = satisfaction_sum + ?
            where filed_month = ? and district_code = ? and department = ? and category = ?""";

    /**
     * What moving a case's contribution from {@code before} to {@code after} adds to each row, in key
     * order (so concurrent moves lock rows in the same order and cannot deadlock), rows with nothing
     * to add left out.
     */
    List<Move> moves(Contribution before, Contribution after) {
        List<Move> moves = new ArrayList<>(2);
        if (before != null && after != null && before.key().equals(after.key())) {
            moves.add(new Move(after.key(), minus(after.counts(), before.counts())));
        } else {
            if (before != null) {
                moves.add(new Move(before.key(), minus(new long[FIELDS], before.counts())));
            }
            if (after != null) {
                moves.add(new Move(after.key(), after.counts()));
            }
        }
        moves.removeIf(m -> java.util.Arrays.stream(m.delta()).allMatch(x -> x == 0));
        moves.sort(Comparator.comparing(Move::key));
        return moves;
    }

    private static long[] minus(long[] a, long[] b) {
        long[] d = new long[FIELDS];
        for (int i = 0; i < FIELDS; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /**
     * After a move's update ran (sent with the case's write) and changed {@code updated} rows: a row
     * a rebuild elsewhere removed since this node saw it is created and the move applied again.
     */
    void moved(Move m, int updated) {
        int n = updated;
        if (n == 0) {
            known.remove(m.key());
            create(m.key());
            CaseStore.Statement update = m.statement();
            n = jdbc.sql(update.sql()).params(update.params()).update();
        }
        if (n != 1) {
            throw new IllegalStateException("KPI row " + m.key() + " missing");
        }
    }

    /** At start: a database with filed cases but no roll-up (cases from before it existed) gets it built. */
    @Override
    public void run(org.springframework.boot.ApplicationArguments args) {
        boolean cases = jdbc.sql("select count(*) from cases_case where filed_at is not null").query(Long.class).single() > 0;
        boolean rows = jdbc.sql("select count(*) from cases_kpi_month").query(Long.class).single() > 0;
        if (cases && !rows) {
            own.executeWithoutResult(s -> rebuild());
        }
    }

    /**
     * The roll-up's sums over a set of cases, as SQL select items; a case counts exactly as {@link #of}
     * counts it.
     */
    static final String SUMS = "count(*) as filed, "
            + "sum(case when status in ('CLOSED', 'EVALUATED') then 1 else 0 end) as closed, "
            + "sum(case when status in ('CLOSED', 'EVALUATED') and handled_on_time then 1 else 0 end) as ontime, "
            + "sum(case when accepted_at is not null or handled_at is not null then 1 else 0 end) as responded, "
            + "sum(case when satisfaction is not null then 1 else 0 end) as evaluated, "
            + "sum(case when satisfaction >= 4 then 1 else 0 end) as satisfied, "
            + "sum(case when status in ('CLOSED', 'EVALUATED') and handling_seconds is not null then handling_seconds else 0 end) as handling_sum, "
            + "sum(case when status in ('CLOSED', 'EVALUATED') and handling_seconds is not null then 1 else 0 end) as handling_n, "
            + "sum(case when satisfaction is not null then satisfaction else 0 end) as satisfaction_sum ";

    /**
     * Recomputes the whole roll-up from the cases (after a bulk load; an operator's repair): one
     * grouped query per month of filing, in the database, so ten million cases never cross the wire.
     */
    void rebuild() {
        known.clear();
        record Span(Timestamp first, Timestamp last) {
        }
        Span span = jdbc.sql("select min(filed_at) as a, max(filed_at) as b from cases_case where filed_at is not null")
                .query((rs, n) -> new Span(rs.getTimestamp("a"), rs.getTimestamp("b"))).single();
        jdbc.sql("delete from cases_kpi_month").update();
        if (span.first() == null) {
            return;
        }
        YearMonth last = month(span.last().toInstant());
        for (YearMonth m = month(span.first().toInstant()); !m.isAfter(last); m = m.plusMonths(1)) {
            String key = m.toString();
            List<Object[]> rows = jdbc.sql("select district_code, department, category, " + SUMS + "from cases_case "
                            + "where filed_at >= ? and filed_at < ? group by district_code, department, category")
                    .params(ts(monthStart(m)), ts(monthStart(m.plusMonths(1))))
                    .query((rs, n) -> new Object[] {key, rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getLong("filed"), rs.getLong("closed"), rs.getLong("ontime"), rs.getLong("responded"),
                            rs.getLong("evaluated"), rs.getLong("satisfied"), rs.getLong("handling_sum"),
                            rs.getLong("handling_n"), rs.getLong("satisfaction_sum")}).list();
            for (int i = 0; i < rows.size(); i += 1000) {
                template.batchUpdate("insert into cases_kpi_month values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        rows.subList(i, Math.min(rows.size(), i + 1000)));
            }
        }
    }

    /** The first instant of the month an instant lies in, in the calendar's zone. */
    Instant monthStart(YearMonth m) {
        return m.atDay(1).atStartOfDay(zone).toInstant();
    }

    YearMonth month(Instant i) {
        return YearMonth.from(i.atZone(zone));
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}

package org.megacity.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.megacity.cases.CaseFixtures;
import org.megacity.cases.CaseStatus;
import org.megacity.cases.Channel;
import org.megacity.geo.Geography;
import org.megacity.identity.Actor;
import org.megacity.identity.Jurisdiction;
import org.megacity.identity.Role;
import org.megacity.organization.Organization;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.ErrorResponseException;

/**
 * Random action sequences by random actors on real cases (QuickTheories), checking after every step:
 * a refused action changes nothing; a closed case was verified; no deadline lies before filing; the
 * history has one entry per version, in order, with every transition; and the KPIs' counts add up
 * over every grouping.
 */
@IntegrationTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseLifecyclePropertiesIT {

    static final Instant MONDAY = Instant.parse("2026-11-02T01:00:00Z");

    @Autowired
    CaseService service;
    @Autowired
    CaseQueries queries;
    @Autowired
    CaseStore store;
    @Autowired
    JdbcClient jdbc;

    final AtomicLong time = new AtomicLong(MONDAY.getEpochSecond());
    final Jurisdiction citywideWaterSupply = new Jurisdiction(false, Set.of(), Set.of("water-supply", "city-appearance"));
    final List<Actor> actors = List.of(
            new Actor("a-op", "op", Set.of(Role.HOTLINE_OPERATOR), Jurisdiction.CITYWIDE),
            new Actor("a-disp", "disp", Set.of(Role.DISPATCHER), Jurisdiction.CITYWIDE),
            new Actor("a-hand", "hand", Set.of(Role.DEPARTMENT_HANDLER), citywideWaterSupply),
            new Actor("a-insp", "insp", Set.of(Role.INSPECTOR), new Jurisdiction(false, Set.of(TinyCity.DISTRICT), Set.of())),
            new Actor("a-sup", "sup", Set.of(Role.SUPERVISOR), Jurisdiction.CITYWIDE),
            new Actor("a-cit", "citizen", Set.of(Role.CITIZEN), Jurisdiction.NONE),
            new Actor("a-other", "other", Set.of(Role.DISPATCHER), new Jurisdiction(false, Set.of("500199"), Set.of())),
            Actor.SYSTEM);

    @BeforeAll
    void city(@Autowired Geography geography, @Autowired Organization organization) {
        CaseFixtures.city(geography, organization);
        service.useClock(new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(time.get());
            }
        });
    }

    static final String[] ACTIONS = java.util.Arrays.stream(Action.values()).map(Action::id).toArray(String[]::new);

    @Test
    void randomActionSequencesKeepTheInvariants() {
        double[] p = TinyCity.pointInFirstGrid();
        qt().withExamples(60).withShrinkCycles(20)
                .forAll(integers().between(0, 1), lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 60))
                .checkAssert((who, steps) -> {
                    Actor reporter = who == 0 ? actors.get(0) : actors.get(5);
                    CaseFile c = service.create(reporter, new CaseService.NewCase(who == 0 ? Channel.HOTLINE : Channel.CITIZEN,
                            who == 0 ? "E0501" : "E0101", who == 0 ? "complaint" : null, null, "property", null, p[0], p[1],
                            null, null, null, who == 0 ? "13800000000" : null, null));
                    created.add(c.id);
                    for (int step : steps) {
                        time.addAndGet(60L * (1 + step % 600));
                        Actor actor = actors.get(step % actors.size());
                        CaseFile before = store.find(c.id).orElseThrow();
                        String action = ACTIONS[(step / actors.size()) % ACTIONS.length];
                        if (step % 3 != 0) {
                            // two steps in three: the first actor (from a random one on) who may do something now
                            // does it, mostly forward (rejections, merges, returns, suspensions now and then)
                            for (int k = 0; k < actors.size(); k++) {
                                Actor candidate = actors.get((step + k) % actors.size());
                                List<String> allowed = new java.util.ArrayList<>(service.allowedActions(candidate, before));
                                if (step % 5 != 0) {
                                    allowed.removeAll(List.of("reject", "merge", "return", "suspend", "escalate", "reopen",
                                            "request-extension"));
                                }
                                if (!allowed.isEmpty()) {
                                    actor = candidate;
                                    action = allowed.get((step / 7) % allowed.size());
                                    break;
                                }
                            }
                        }
                        try {
                            service.act(actor, c.id, action, input(step, before));
                        } catch (ErrorResponseException refused) {
                            CaseFile after = store.find(c.id).orElseThrow();
                            assertThat(after.version).isEqualTo(before.version);
                            assertThat(after.status).isEqualTo(before.status);
                            assertThat(after.dueAt).isEqualTo(before.dueAt);
                        }
                        invariants(store.find(c.id).orElseThrow());
                    }
                });
        kpisAddUp();
        assertThat(created.stream().map(id -> store.find(id).orElseThrow().closedAt).filter(java.util.Objects::nonNull).count())
                .as("some sequences reached closure").isPositive();
    }

    final List<Long> created = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void aWriteOverAStaleVersionLeavesNothingOnceItsTransactionRollsBack(
            @Autowired org.springframework.transaction.PlatformTransactionManager transactions) {
        double[] p = TinyCity.pointInFirstGrid();
        CaseFile c = service.create(actors.getFirst(), new CaseService.NewCase(Channel.HOTLINE, "E0101", "complaint", null,
                "stale write", null, p[0], p[1], null, null, null, "13800000000", null));
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        c.status = CaseStatus.FILED;
        c.version = 2;
        CaseStore.Step filed = new CaseStore.Step(2, MONDAY, "a-disp", "disp", "DISPATCHER", "file", CaseStatus.REPORTED,
                CaseStatus.FILED, null, null);
        Boolean first = tx.execute(s -> store.update(c, 1, filed));
        assertThat(first).isTrue();
        // a second writer that read version 1 too: its update finds nothing (on PostgreSQL its entry for
        // seq 3 went with it in the same round trip), and its caller rolls back
        c.status = CaseStatus.REJECTED;
        c.version = 3;
        CaseStore.Step rejected = new CaseStore.Step(3, MONDAY, "a-disp", "disp", "DISPATCHER", "reject", CaseStatus.REPORTED,
                CaseStatus.REJECTED, "invalid", null);
        Boolean second = tx.execute(s -> {
            boolean written = store.update(c, 1, rejected);
            s.setRollbackOnly();
            return written;
        });
        assertThat(second).isFalse();
        CaseFile stored = store.find(c.id).orElseThrow();
        assertThat(stored.version).isEqualTo(2);
        assertThat(stored.status).isEqualTo(CaseStatus.FILED);
        assertThat(store.history(c.id)).extracting(CaseStore.HistoryEntry::action).containsExactly("report", "file");
    }

    @Test
    void aReportWhoseHistoryEntryCannotBeWrittenLeavesNoCase() {
        double[] p = TinyCity.pointInFirstGrid();
        CaseFile c = service.create(actors.getFirst(), new CaseService.NewCase(Channel.HOTLINE, "E0101", "complaint", null,
                "first report", null, p[0], p[1], null, null, null, "13800000000", null));
        // the same report again under a new number whose first history entry is already taken
        c.id = store.nextId();
        c.token = "atomic-" + c.id;
        jdbc.sql("insert into cases_history (case_id, seq, at, actor_id, actor_name, action, to_status) values (?, 1, ?, 'x', 'x', 'x', 'REPORTED')")
                .params(c.id, CaseStore.ts(MONDAY)).update();
        CaseStore.Step first = new CaseStore.Step(1, MONDAY, "a-op", "op", "HOTLINE_OPERATOR", "report", null,
                CaseStatus.REPORTED, null, "channel=hotline");
        assertThatThrownBy(() -> store.insertReport(c, first, CaseService.DUPLICATE_METRES, MONDAY.minusSeconds(86_400), null))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(store.find(c.id)).isEmpty();
    }

    @Test
    void aTransitionWhoseRollUpRowARebuildElsewhereRemovedCreatesItAgain() {
        double[] p = TinyCity.pointInFirstGrid();
        CaseFile c = service.create(actors.getFirst(), new CaseService.NewCase(Channel.HOTLINE, "E0101", "complaint", null,
                "roll-up row removed", null, p[0], p[1], null, null, null, "13800000000", null));
        CaseService.ActionInput done = new CaseService.ActionInput(null, "done", null, null, null, 5, null);
        service.act(Actor.SYSTEM, c.id, "file", done);
        service.act(Actor.SYSTEM, c.id, "dispatch", done);
        // this node remembers the row; a rebuild on another node removes it
        jdbc.sql("delete from cases_kpi_month").update();
        service.act(Actor.SYSTEM, c.id, "accept", done);
        assertThat(jdbc.sql("select count(*), sum(responded) from cases_kpi_month")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(1L, 1L);
        rollup.rebuild();
    }

    @Test
    void theDemoHistoryKeepsTheInvariants(@Autowired DemoCases demo) {
        long before = jdbc.sql("select count(*) from cases_case").query(Long.class).single();
        demo.seed();
        List<Long> ids = jdbc.sql("select id from cases_case").query(Long.class).list();
        assertThat(ids.size() - before).isEqualTo(DemoCases.COUNT);
        for (long id : ids) {
            invariants(store.find(id).orElseThrow());
        }
        assertThat(jdbc.sql("select count(*) from cases_case where status = 'EVALUATED'").query(Long.class).single()).isPositive();
        kpisAddUp();
    }

    private CaseService.ActionInput input(int step, CaseFile c) {
        String reason = switch (step % 4) {
            case 0 -> null;
            case 1 -> "invalid: no such place";
            case 2 -> "duplicate";
            default -> "out-of-scope for the city";
        };
        return new CaseService.ActionInput(reason, step % 3 == 0 ? null : "photo " + step,
                step % 5 == 0 ? "water-supply" : null, step % 7 == 0 ? c.id : null, step % 2 == 0 ? "1d" : "2h",
                step % 6, step % 11 == 0 ? c.version + 1 : null);
    }

    private void invariants(CaseFile c) {
        if (c.status == CaseStatus.CLOSED || c.status == CaseStatus.EVALUATED) {
            assertThat(c.verifiedAt).as("a closed case was verified").isNotNull();
            assertThat(c.handledAt).isNotNull();
            assertThat(c.verifiedAt).isAfterOrEqualTo(c.handledAt);
            assertThat(c.closedAt).isAfterOrEqualTo(c.verifiedAt);
        }
        if (c.status == CaseStatus.EVALUATED) {
            assertThat(c.satisfaction).isBetween(1, 5);
        }
        if (c.status == CaseStatus.REPORTED) {
            assertThat(c.filedAt).isNull();
            assertThat(c.dueAt).isNull();
        }
        for (Instant due : new Instant[] {c.dueAt, c.handleDue, c.escalationDue}) {
            if (due != null) {
                assertThat(c.filedAt).as("a deadline needs a filing").isNotNull();
                assertThat(due).as("no deadline before filing").isAfterOrEqualTo(c.filedAt);
            }
        }
        List<CaseStore.HistoryEntry> history = store.history(c.id);
        assertThat(history).as("one history entry per version").hasSize(c.version);
        for (int i = 0; i < history.size(); i++) {
            CaseStore.HistoryEntry e = history.get(i);
            assertThat(e.seq()).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(e.from()).as("history is a chain of states").isEqualTo(history.get(i - 1).to());
                assertThat(e.at()).isAfterOrEqualTo(history.get(i - 1).at());
            }
        }
        assertThat(history.getLast().to()).isEqualTo(c.status.name());
    }

    @Autowired
    KpiRollup rollup;

    private List<String> rollupRows() {
        return jdbc.sql("select * from cases_kpi_month order by filed_month, district_code, department, category")
                .query((rs, n) -> rs.getLong("filed") == 0 && rs.getLong("closed") == 0 ? "" : rs.getString("filed_month") + " "
                        + rs.getString("district_code") + " " + rs.getString("department") + " " + rs.getString("category") + " "
                        + rs.getLong("filed") + " " + rs.getLong("closed") + " " + rs.getLong("ontime") + " " + rs.getLong("responded")
                        + " " + rs.getLong("evaluated") + " " + rs.getLong("satisfied") + " " + rs.getLong("handling_sum") + " "
                        + rs.getLong("handling_n") + " " + rs.getLong("satisfaction_sum")).list()
                .stream().filter(r -> !r.isEmpty()).toList();
    }

    private void kpisAddUp() {
        // the roll-up kept by the transitions is what a rebuild from the cases gives
        List<String> kept = rollupRows();
        rollup.rebuild();
        assertThat(kept).isEqualTo(rollupRows());
        // and KPIs over any window, whole months from the roll-up, equal those from the cases alone
        Instant[][] windows = {{null, null}, {Instant.parse("2026-10-31T16:00:00Z"), Instant.parse("2026-11-30T16:00:00Z")},
                {Instant.parse("2026-11-03T00:00:00Z"), Instant.parse("2026-11-04T00:00:00Z")},
                {Instant.parse("2026-10-15T00:00:00Z"), Instant.parse("2026-12-10T00:00:00Z")},
                {null, Instant.parse("2026-11-10T00:00:00Z")}, {Instant.parse("2026-11-05T00:00:00Z"), null}};
        for (Instant[] w : windows) {
            for (String groupBy : List.of("department", "district", "category")) {
                assertThat(queries.kpis(Actor.SYSTEM, groupBy, w[0], w[1])).as(groupBy + " " + java.util.Arrays.toString(w))
                        .isEqualTo(queries.kpisFromCases(groupBy, w[0], w[1]));
            }
        }
        long filed = jdbc.sql("select count(*) from cases_case where filed_at is not null").query(Long.class).single();
        long closed = jdbc.sql("select count(*) from cases_case where status in ('CLOSED', 'EVALUATED')").query(Long.class).single();
        for (String groupBy : List.of("department", "district", "category")) {
            List<CaseQueries.KpiRow> rows = queries.kpis(Actor.SYSTEM, groupBy, null, null);
            assertThat(rows.stream().mapToLong(CaseQueries.KpiRow::filed).sum()).isEqualTo(filed);
            assertThat(rows.stream().mapToLong(CaseQueries.KpiRow::closed).sum()).isEqualTo(closed);
            for (CaseQueries.KpiRow r : rows) {
                assertThat(r.closed()).isLessThanOrEqualTo(r.filed());
                assertThat(r.closedOnTime()).isLessThanOrEqualTo(r.closed());
                assertThat(r.satisfied()).isLessThanOrEqualTo(r.evaluated());
                assertThat(r.closureRate()).isBetween(0.0, 1.0);
            }
        }
    }
}

package org.megacity.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.megacity.cases.CaseFixtures;
import org.megacity.cases.Channel;
import org.megacity.geo.Geography;
import org.megacity.identity.Actor;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.megacity.testing.Wrk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Load figures for docs/benchmarks.md, printed as {@code CASES LOAD} lines; asserts only that the
 * work was done. Sizes by system property: {@code megacity.bench.intake} (HTTP reports, default
 * 2,000), {@code megacity.bench.clients} (concurrent clients, 16), {@code megacity.bench.replay}
 * (cases taken through the whole lifecycle, 1,000), {@code megacity.bench.kpi} (historical cases for
 * the KPI query, 100,000), {@code megacity.bench.seconds} (seconds of wrk load per figure, 5) after {@code megacity.bench.warmup} (3). HTTP
 * load comes from {@link Wrk} when it is installed, else from the JDK's client in this JVM. The baselines run in the same context: an authenticated GET of a static
 * list over the same HTTP stack; before the replay, durable single-row writes on its threads
 * ({@code megacity.bench.baseline} seconds, 10); and a plain JDBC count over the cases' table.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasesLoadIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    CaseService service;
    @Autowired
    CaseQueries queries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KpiRollup rollup;

    String operator;
    final String db = System.getProperty("megacity.test.db", "h2");

    @BeforeAll
    void setUp(@Autowired Geography geography, @Autowired Organization organization) throws Exception {
        CaseFixtures.city(geography, organization);
        operator = new CaseFixtures(mvc, data).create("load.operator", "HOTLINE_OPERATOR", List.of(), List.of());
    }

    static int size(String name, int fallback) {
        return Integer.getInteger("megacity.bench." + name, fallback);
    }

    record Run(double perSecond, double p50, double p99) {
    }

    Run load(int n, int clients, java.util.function.IntFunction<HttpRequest> request, int expected) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        long[] latencies = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                all.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < n; ) {
                        long t = System.nanoTime();
                        HttpResponse<String> r = http.send(request.apply(i), HttpResponse.BodyHandlers.ofString());
                        latencies[i] = System.nanoTime() - t;
                        if (r.statusCode() != expected) {
                            wrong.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(wrong.get()).isZero();
        Arrays.sort(latencies);
        return new Run(n / seconds, latencies[n / 2] / 1e6, latencies[(int) (n * 0.99)] / 1e6);
    }

    /**
     * The replay's baseline: {@code threads} threads each updating a row of its own, one commit per
     * update, for {@code seconds}; returns the writes per second. It moves with what bounds the
     * replay on the day (the cores, the database's commit), so the replay's figure divided by it
     * compares across days and machines.
     */
    double durableWrites(int threads, int seconds) throws Exception {
        jdbc.execute("create table bench_durable_write (id integer primary key, n bigint not null)");
        try {
            for (int t = 0; t < threads; t++) {
                jdbc.update("insert into bench_durable_write values (?, 0)", t);
            }
            long until = System.nanoTime() + seconds * 1_000_000_000L;
            AtomicInteger writes = new AtomicInteger();
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> all = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int row = t;
                    all.add(pool.submit(() -> {
                        while (System.nanoTime() < until) {
                            assertThat(jdbc.update("update bench_durable_write set n = n + 1 where id = ?", row)).isOne();
                            writes.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : all) {
                    f.get();
                }
            }
            double perSecond = writes.get() / ((System.nanoTime() - start) / 1e9);
            assertThat(jdbc.queryForObject("select sum(n) from bench_durable_write", Long.class)).isEqualTo(writes.get());
            return perSecond;
        } finally {
            jdbc.execute("drop table bench_durable_write");
        }
    }

    @Test
    void intakeOverHttpLifecycleReplayAndKpis() throws Exception {
        int n = size("intake", 2_000);
        int clients = size("clients", 16);
        Random random = new Random(7);
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = new double[] {TinyCity.WEST + 0.0001 + random.nextDouble() * 0.0060,
                    TinyCity.SOUTH + 0.0001 + random.nextDouble() * 0.0034};
        }
        String[] categories = service.catalogue().categories().stream().map(Category::code).toArray(String[]::new);
        java.util.Optional<Wrk> wrk = Wrk.installed();
        if (wrk.isPresent()) {
            intakeWithWrk(wrk.get(), categories, clients);
        } else {
            // warm-up, then the baseline and the intake, from the JDK's client in this JVM (a tenth of wrk's figure)
            load(300, clients, i -> get("/api/v1/cases/hotline-types"), 200);
            load(300, clients, i -> report(categories[i % categories.length], points[i % n]), 201);
            Run baseline = load(n, clients, i -> get("/api/v1/cases/hotline-types"), 200);
            Run intake = load(n, clients, i -> report(categories[i % categories.length], points[i]), 201);
            System.out.printf("%nCASES LOAD (%s) intake over HTTP from the JDK client (wrk is not installed), %d reports, "
                            + "%d clients: %.0f/s, p50 %.1f ms, p99 %.1f ms; baseline authenticated GET: %.0f/s, p50 %.1f ms, "
                            + "p99 %.1f ms%n", db, n, clients, intake.perSecond(), intake.p50(), intake.p99(), baseline.perSecond(),
                    baseline.p50(), baseline.p99());
        }

        // the replay's baseline, on the same threads: the smallest durable write (one row, one commit)
        int threads = Math.max(2, clients / 2);
        double durable = durableWrites(threads, size("baseline", 10));

        // a day replayed through the whole lifecycle, in service calls as the API makes them
        int replay = size("replay", 1_000);
        service.useClock(Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC));
        Actor hotline = new Actor("op", "op", java.util.Set.of(org.megacity.identity.Role.HOTLINE_OPERATOR),
                org.megacity.identity.Jurisdiction.CITYWIDE);
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                all.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < replay; ) {
                        CaseFile c = service.create(hotline, new CaseService.NewCase(Channel.HOTLINE, categories[i % categories.length],
                                "complaint", null, "replay", null, points[i % n][0], points[i % n][1], null, null, null,
                                "13800000000", null));
                        for (String action : List.of("file", "dispatch", "accept", "handle", "verify", "close", "evaluate")) {
                            service.act(Actor.SYSTEM, c.id, action, new CaseService.ActionInput(null, "done", null, null, null, 5, null));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        double replaySeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("CASES LOAD (%s) lifecycle replay: %d cases x 8 steps in %.1f s (%.0f cases/s, %.0f steps/s; "
                + "30,000 cases would take about %.0f s); baseline durable single-row writes on %d threads: %.0f/s, "
                + "so a step costs %.2f of them (under 60 s for 30,000 cases needs at most %.2f)%n", db, replay, replaySeconds,
                replay / replaySeconds, replay * 8 / replaySeconds, 30_000 * replaySeconds / replay, threads, durable,
                durable / (replay * 8 / replaySeconds), durable / (30_000 * 8 / 60.0));

        // KPIs over many historical cases
        int history = size("kpi", 100_000);
        bulk(history, categories);
        long r0 = System.nanoTime();
        rollup.rebuild();
        long r1 = System.nanoTime();
        long total = jdbc.queryForObject("select count(*) from cases_case where filed_at is not null", Long.class);
        for (int warm = 0; warm < 2; warm++) {
            queries.kpis(Actor.SYSTEM, "district", null, null);
            jdbc.queryForObject("select count(*) from cases_case", Long.class);
        }
        long k0 = System.nanoTime();
        List<CaseQueries.KpiRow> byDepartment = queries.kpis(Actor.SYSTEM, "department", null, null);
        long k1 = System.nanoTime();
        List<CaseQueries.KpiRow> byCategory = queries.kpis(Actor.SYSTEM, "category", null, null);
        long k2 = System.nanoTime();
        jdbc.queryForObject("select count(*) from cases_case where filed_at is not null", Long.class);
        long k3 = System.nanoTime();
        List<CaseQueries.KpiRow> scan = queries.kpisFromCases("department", null, null);
        long k4 = System.nanoTime();
        Instant from = Instant.parse("2025-03-10T00:00:00Z");
        Instant to = Instant.parse("2026-08-20T00:00:00Z");
        queries.kpis(Actor.SYSTEM, "district", from, to);
        long k5 = System.nanoTime();
        System.out.printf("CASES LOAD (%s) KPIs over %d filed cases (roll-up rebuilt in %.0f ms): by department %.0f ms, "
                        + "by category %.0f ms, by district over 2025-03-10..2026-08-20 (edges from the cases) %.0f ms; "
                        + "baselines: the same by department scanning the cases %.0f ms, count(*) %.0f ms%n%n", db, total,
                (r1 - r0) / 1e6, (k1 - k0) / 1e6, (k2 - k1) / 1e6, (k5 - k4) / 1e6, (k4 - k3) / 1e6, (k3 - k2) / 1e6);
        assertThat(byDepartment).isEqualTo(scan);
        assertThat(byDepartment.stream().mapToLong(CaseQueries.KpiRow::filed).sum()).isEqualTo(total);
        assertThat(byCategory.stream().mapToLong(CaseQueries.KpiRow::filed).sum()).isEqualTo(total);
    }

    /** A Lua script for wrk: hotline reports at random points of the tiny city, categories in turn. */
    static final String REPORTS = """
            local ids = 0
            function setup(thread)
              ids = ids + 1
              thread:set("id", ids)
            end
            init = function(args)
              token, west, south, width, height = args[1], tonumber(args[2]), tonumber(args[3]), tonumber(args[4]),
                tonumber(args[5])
              categories, n = {}, id
              for i = 6, #args do categories[#categories + 1] = args[i] end
              math.randomseed(7 + id)
            end
            request = function()
              n = n + 1
              local body = string.format('{"channel": "hotline", "category": "%s", "hotlineType": "help-request", '
                .. '"description": "load", "lon": %.7f, "lat": %.7f, "reporterPhone": "13800000000"}',
                categories[n % #categories + 1], west + math.random() * width, south + math.random() * height)
              return wrk.format("POST", "/api/v1/cases", {["Authorization"] = "Bearer " .. token,
                ["Content-Type"] = "application/json"}, body)
            end
            """;

    /**
     * {@link #REPORTS}, each with an {@code Idempotency-Key} of its own: the run's start second, the
     * thread and the request's number, so no key repeats within a run or across runs.
     */
    static final String KEYED_REPORTS = keyed(REPORTS);

    private static String keyed(String reports) {
        String seed = "math.randomseed(7 + id)";
        String headers = "[\"Content-Type\"] = \"application/json\"}";
        if (!reports.contains(seed) || !reports.contains(headers)) {
            throw new IllegalStateException("REPORTS changed: KEYED_REPORTS no longer finds where to add its key");
        }
        return reports.replace(seed, seed + "\n  started = os.time()").replace(headers,
                "[\"Content-Type\"] = \"application/json\", [\"Idempotency-Key\"] = string.format(\"%d-%d-%d\", started, id, n)}");
    }

    /** A Lua script for wrk: an authenticated GET of the script's URL. */
    static final String AUTHENTICATED_GET = """
            init = function(args) token = args[1] end
            request = function() return wrk.format("GET", nil, {["Authorization"] = "Bearer " .. token}) end
            """;

    /** Intake and its baseline driven by wrk for {@code megacity.bench.seconds} each (default 5), after a warm-up. */
    private void intakeWithWrk(Wrk wrk, String[] categories, int clients) throws Exception {
        int seconds = size("seconds", 5);
        String base = "http://127.0.0.1:" + port;
        List<String> args = new ArrayList<>(List.of(operator, Double.toString(TinyCity.WEST + 0.0001),
                Double.toString(TinyCity.SOUTH + 0.0001), "0.0060", "0.0034"));
        args.addAll(Arrays.asList(categories));
        String[] reportArgs = args.toArray(String[]::new);
        int warmUp = size("warmup", 3); // the JIT needs about a minute of this load to settle on two cores
        wrk.run(base + "/api/v1/cases/hotline-types", AUTHENTICATED_GET, 2, clients, warmUp, operator);
        wrk.run(base + "/api/v1/cases", REPORTS, 2, clients, warmUp, reportArgs);
        Wrk.Result baseline = wrk.run(base + "/api/v1/cases/hotline-types", AUTHENTICATED_GET, 2, clients, seconds, operator);
        long before = jdbc.queryForObject("select count(*) from cases_case", Long.class);
        Wrk.Result intake = wrk.run(base + "/api/v1/cases", REPORTS, 2, clients, seconds, reportArgs);
        long stored = jdbc.queryForObject("select count(*) from cases_case", Long.class) - before;
        System.out.printf("%nCASES LOAD (%s) intake over HTTP from wrk, %d connections for %d s: %d reports, %.0f/s, "
                        + "p50 %.1f ms, p99 %.1f ms; baseline authenticated GET: %.0f/s, p50 %.1f ms, p99 %.1f ms%n", db,
                clients, seconds, intake.requests(), intake.perSecond(), intake.p50Millis(), intake.p99Millis(),
                baseline.perSecond(), baseline.p50Millis(), baseline.p99Millis());
        assertThat(baseline.notSuccessful() + baseline.socketErrors()).as("GETs not answered 200").isZero();
        assertThat(intake.notSuccessful() + intake.socketErrors()).as("reports not answered 201").isZero();
        assertThat(intake.requests()).isPositive();
        assertThat(stored).as("every acknowledged report is stored").isGreaterThanOrEqualTo(intake.requests());
        // the same reports, each with an idempotency key: the key's row goes in with the report (its one statement on PostgreSQL)
        wrk.run(base + "/api/v1/cases", KEYED_REPORTS, 2, clients, Math.max(1, warmUp / 3), reportArgs);
        long keysBefore = jdbc.queryForObject("select count(*) from cases_intake_key", Long.class);
        Wrk.Result keyed = wrk.run(base + "/api/v1/cases", KEYED_REPORTS, 2, clients, seconds, reportArgs);
        long keysTaken = jdbc.queryForObject("select count(*) from cases_intake_key", Long.class) - keysBefore;
        System.out.printf("CASES LOAD (%s) intake with an Idempotency-Key each, %d connections for %d s: %d reports, "
                        + "%.0f/s, p50 %.1f ms, p99 %.1f ms (%.2f of intake without)%n", db, clients, seconds, keyed.requests(),
                keyed.perSecond(), keyed.p50Millis(), keyed.p99Millis(), keyed.perSecond() / intake.perSecond());
        assertThat(keyed.notSuccessful() + keyed.socketErrors()).as("keyed reports not answered 201").isZero();
        assertThat(keysTaken).as("every keyed report took its key: none was a replay").isGreaterThanOrEqualTo(keyed.requests());
    }

    private void bulk(int n, String[] categories) {
        if (db.equals("postgres")) {
            bulkInPostgres(n, categories);
            return;
        }
        Random random = new Random(11);
        String[] departments = CaseFixtures.DEPARTMENTS.toArray(String[]::new);
        String[] statuses = {"CLOSED", "EVALUATED", "IN_PROGRESS", "FILED", "DISPATCHED"};
        long base = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        int batch = 5_000;
        for (int from = 0; from < n; from += batch) {
            List<Object[]> rows = new ArrayList<>(batch);
            for (int i = from; i < Math.min(n, from + batch); i++) {
                Timestamp filed = new Timestamp(base + (long) (random.nextDouble() * 700L * 86_400_000L));
                String status = statuses[random.nextInt(statuses.length)];
                boolean closed = status.equals("CLOSED") || status.equals("EVALUATED");
                rows.add(new Object[] {90_000_000L + i, status, categories[random.nextInt(categories.length)],
                        "500103001001001", "500103", departments[random.nextInt(departments.length)], "bulk" + i, filed, filed,
                        closed ? random.nextInt(200_000) : null, closed ? random.nextBoolean() : null,
                        status.equals("EVALUATED") ? 1 + random.nextInt(5) : null, filed});
            }
            jdbc.batchUpdate("""
                    insert into cases_case (id, version, status, channel, category, lon, lat, grid_code, community_code,
                        street_code, district_code, department, centre, escalation_level, token, reported_at, filed_at,
                        accepted_at, handling_seconds, handled_on_time, satisfaction, updated_at)
                    values (?, 1, ?, 'HOTLINE', ?, 106.57, 29.55, ?, '500103001001', '500103001', ?, ?, '500103001', 0, ?, ?, ?,
                        null, ?, ?, ?, ?)""", rows);
        }
    }

    /** The same history generated inside PostgreSQL, a million rows a statement (ten million in minutes, not hours). */
    private void bulkInPostgres(int n, String[] categories) {
        String cats = "(array['" + String.join("','", categories) + "'])";
        String deps = "(array['" + String.join("','", CaseFixtures.DEPARTMENTS) + "'])";
        jdbc.execute("select setseed(0.11)");
        for (int from = 0; from < n; from += 1_000_000) {
            long t = System.nanoTime();
            int to = Math.min(n, from + 1_000_000);
            jdbc.update("""
                    insert into cases_case (id, version, status, channel, category, lon, lat, grid_code, community_code,
                        street_code, district_code, department, centre, escalation_level, token, reported_at, filed_at,
                        accepted_at, handling_seconds, handled_on_time, satisfaction, updated_at)
                    select 90000000 + g, 1, st, 'HOTLINE', %1$s[1 + floor(random() * %2$d)::int], 106.57, 29.55,
                        '500103001001001', '500103001001', '500103001', '500103', %3$s[1 + floor(random() * %4$d)::int],
                        '500103001', 0, 'bulk' || g, f, f, null,
                        case when st in ('CLOSED', 'EVALUATED') then floor(random() * 200000)::bigint end,
                        case when st in ('CLOSED', 'EVALUATED') then random() < 0.5 end,
                        case when st = 'EVALUATED' then 1 + floor(random() * 5)::int end, f
                    from (select g, (array['CLOSED', 'EVALUATED', 'IN_PROGRESS', 'FILED', 'DISPATCHED'])[1 + floor(random() * 5)::int] as st,
                            timestamptz '2025-01-01 00:00:00+00' + random() * interval '700 days' as f
                          from generate_series(?, ?) as g) as x""".formatted(cats, categories.length, deps,
                    CaseFixtures.DEPARTMENTS.size()), from, to - 1);
            System.out.printf("CASES LOAD (postgres) history: %,d of %,d cases (%.0f s for this million)%n", to, n,
                    (System.nanoTime() - t) / 1e9);
        }
        // what autovacuum does in time: the visibility map lets the KPI edges use index-only scans
        jdbc.execute("vacuum analyze cases_case");
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + operator).GET().build();
    }

    HttpRequest report(String category, double[] p) {
        String body = "{\"channel\": \"hotline\", \"category\": \"" + category + "\", \"hotlineType\": \"help-request\", "
                + "\"description\": \"load\", \"lon\": " + p[0] + ", \"lat\": " + p[1] + ", \"reporterPhone\": \"13800000000\"}";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

}

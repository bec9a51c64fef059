package org.megacity.platform;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compressed soak: the platform under megacity rates of case intake, telemetry ingestion and
 * opinion submission for a while (10 minutes by default), sampled every 30 seconds, to see whether
 * heap, latency and errors stay flat. Not JMH: one long run against a real server.
 *
 * <p>It starts the jar ({@code target/megacity.jar}) as a child process with the small demo city
 * ({@code demo --scale small}: divisions, organization, assets with about 3,000 sensors, a published
 * draft with an open consultation; the telemetry simulation ticks hourly so it adds next to nothing),
 * on a fresh data directory and either the embedded H2 database or a fresh PostgreSQL database. It
 * brings the administrators into use through the API, creates a hotline operator and a citizen, and
 * then drives three open-loop streams (a request leaves at its time whether or not earlier ones have
 * answered, so a slow server shows up as latency, not as a lower rate):
 * <ul>
 * <li>case reports, {@code POST /api/v1/cases}, at points of the demo's cases (default 5/s:
 * 432,000 a day, about ten times the busiest day of a 30-million city's 12345 hotline);
 * <li>telemetry, {@code POST /api/v1/telemetry/readings}, JSON batches of 100 readings over the
 * demo's sensors (default 20 batches/s: 2,000 readings/s, 120,000 sensors reporting once a minute);
 * <li>opinions, {@code POST /api/v1/participation/consultations/{id}/opinions}, as a signed-in
 * citizen (default 2/s: 172,800 a day).
 * </ul>
 * Every 30 s it prints, per stream, requests, errors (anything but 2xx, or no answer), p50 and p99,
 * and the server's heap after a full collection ({@code jcmd PID GC.run}, then {@code GC.heap_info}:
 * so one forced collection every sample, the same in every third of the run) and its live threads.
 * At the end it compares the last third of the samples with the first: heap, p50, p99, errors, and
 * prints {@code SOAK ... stable=yes|no}.
 *
 * <p>Run: {@code ./megacity bench soak [--minutes 10] [--db h2|postgres] [--cases 5] [--batches 20]
 * [--opinions 2] [--sample 30] [--heap 1g]}; PostgreSQL at {@code MEGACITY_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user postgres), database dropped at the end.
 */
public final class SoakHarness {

    static final Pattern HEAP_USED = Pattern.compile("garbage-first heap\\s+total[^,]*,\\s*committed\\s+(\\d+)K,\\s*used\\s+(\\d+)K");
    static final Pattern LIVE_THREADS = Pattern.compile("(?m)^jvm_threads_live_threads(?:\\{[^}]*})?\\s+([0-9.eE+]+)");

    /** One stream's answers in the current window. */
    static final class Window {
        private long[] latencies = new long[1024];
        private int n;
        private int errors;
        final Map<String, AtomicLong> reasons = new java.util.concurrent.ConcurrentHashMap<>();

        synchronized void add(long nanos, boolean ok) {
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = nanos;
            if (!ok) {
                errors++;
            }
        }

        synchronized Sample drain() {
            long[] l = Arrays.copyOf(latencies, n);
            int e = errors;
            n = 0;
            errors = 0;
            Arrays.sort(l);
            return new Sample(l.length, e, percentile(l, 0.50), percentile(l, 0.99));
        }

        static double percentile(long[] sorted, double p) {
            return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
        }
    }

    record Sample(int requests, int errors, double p50, double p99) {
    }

    record Row(double minutes, double heapMb, double committedMb, double threads, Sample cases, Sample readings, Sample opinions) {
    }

    final Map<String, String> options;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    final Random random = new Random(20261129);
    String base;
    Path data;
    Process server;

    SoakHarness(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        System.exit(new SoakHarness(options).run());
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int run() throws Exception {
        double minutes = Double.parseDouble(option("minutes", "10"));
        int sampleSeconds = Integer.parseInt(option("sample", "30"));
        double caseRate = Double.parseDouble(option("cases", "5"));
        double batchRate = Double.parseDouble(option("batches", "20"));
        int batchSize = Integer.parseInt(option("batch-size", "100"));
        double opinionRate = Double.parseDouble(option("opinions", "2"));
        String db = option("db", "h2");
        Path jar = Path.of(option("jar", "target/megacity.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();

        data = Files.createTempDirectory("megacity-soak");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        String pgAdmin = env("MEGACITY_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String pgUser = env("MEGACITY_TEST_PG_USER", "postgres");
        String pgDatabase = "megacity_soak_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseG1GC", "-Xmx" + option("heap", "1g"),
                "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
                // every stream comes from 127.0.0.1: the per-address limits would refuse most of it
                "-Dmegacity.protection.public-write-rate=100000000", "-Dmegacity.protection.sign-in-rate=100000",
                "-jar", jar.toString(),
                "demo", "--scale", "small", "--data", data.toString(), "--port", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile());
        builder.environment().put("MEGACITY_TELEMETRY_DEMO_TICK", "1h");
        if (db.equals("postgres")) {
            sql(pgAdmin, pgUser, "create database " + pgDatabase);
            builder.environment().put("MEGACITY_DB_URL", pgAdmin.substring(0, pgAdmin.lastIndexOf('/') + 1) + pgDatabase);
            builder.environment().put("MEGACITY_DB_USER", pgUser);
            builder.environment().put("MEGACITY_DB_PASSWORD", env("MEGACITY_TEST_PG_PASSWORD", ""));
        }
        System.out.printf("soak: starting %s on %s (%s), log %s%n", jar, base, db, data.resolve("server.log"));
        server = builder.start();
        try {
            waitFor("the server to be healthy", 600, () -> get(null, "/actuator/health").statusCode() == 200);
            String sys = activate("sysadmin", "initial-admin-password");
            String sec = activate("secadmin", "initial-security-admin-password");
            String operator = account(sys, sec, "soak.operator", "HOTLINE_OPERATOR");
            String citizen = account(sys, sec, "soak.citizen", "CITIZEN");

            waitFor("the demo's sensors", 600, () -> ((Number) JsonPath.read(
                    get(sys, "/api/v1/telemetry/sensors?limit=1").body(), "$.total")).intValue() >= 1000);
            List<String[]> sensors = new ArrayList<>();
            for (int offset = 0; ; offset += 1000) {
                String body = get(sys, "/api/v1/telemetry/sensors?limit=1000&offset=" + offset).body();
                List<String> ids = JsonPath.read(body, "$.sensors[*].id");
                List<String> types = JsonPath.read(body, "$.sensors[*].type");
                for (int i = 0; i < ids.size(); i++) {
                    sensors.add(new String[] {ids.get(i), types.get(i)});
                }
                if (ids.size() < 1000) {
                    break;
                }
            }
            waitFor("the demo's cases", 600, () -> JsonPath.<List<Object>>read(
                    get(operator, "/api/v1/cases?limit=100").body(), "$[*].id").size() >= 50);
            String casesBody = get(operator, "/api/v1/cases?limit=100").body();
            List<Double> lons = JsonPath.<List<Number>>read(casesBody, "$[*].lon").stream().map(Number::doubleValue).toList();
            List<Double> lats = JsonPath.<List<Number>>read(casesBody, "$[*].lat").stream().map(Number::doubleValue).toList();
            waitFor("the demo's consultation", 600, () -> !JsonPath.<List<Object>>read(
                    get(null, "/api/v1/participation/consultations").body(), "$[*].id").isEmpty());
            String consultation = JsonPath.<List<String>>read(get(null, "/api/v1/participation/consultations").body(),
                    "$[*].id").get(0);
            System.out.printf("soak: %d sensors, %d case points, consultation %s; %.1f min at %.1f cases/s, "
                            + "%.0f readings/s (%s batches/s of %d), %.1f opinions/s, a sample every %d s%n",
                    sensors.size(), lons.size(), consultation, minutes, caseRate, batchRate * batchSize, batchRate,
                    batchSize, opinionRate, sampleSeconds);

            Window cases = new Window();
            Window readings = new Window();
            Window opinions = new Window();
            AtomicInteger inFlight = new AtomicInteger();
            AtomicLong skipped = new AtomicLong();
            AtomicLong seq = new AtomicLong();
            long[] lastTime = new long[sensors.size()];
            AtomicLong nextReading = new AtomicLong();
            ScheduledExecutorService clock = Executors.newScheduledThreadPool(3);
            Runnable caseTick = () -> fire(cases, inFlight, skipped, () -> {
                int i = random.nextInt(lons.size());
                // the demo's own case points: a jittered point near the city's edge may fall outside it
                double lon = lons.get(i);
                double lat = lats.get(i);
                String body = "{\"channel\":\"hotline\",\"category\":\"C0101\",\"hotlineType\":\"help-request\","
                        + "\"description\":\"soak " + seq.incrementAndGet() + "\",\"lon\":" + lon + ",\"lat\":" + lat
                        + ",\"reporterPhone\":\"13800000000\"}";
                return post(operator, "/api/v1/cases", "application/json", body);
            });
            Runnable readingTick = () -> fire(readings, inFlight, skipped, () -> {
                StringBuilder json = new StringBuilder("[");
                long now = System.currentTimeMillis();
                for (int k = 0; k < batchSize; k++) {
                    int s = (int) (nextReading.getAndIncrement() % sensors.size());
                    long t;
                    synchronized (lastTime) {
                        t = Math.max(now, lastTime[s] + 1);
                        lastTime[s] = t;
                    }
                    json.append(k == 0 ? "" : ",").append("{\"sensorId\":\"").append(sensors.get(s)[0])
                            .append("\",\"time\":").append(t).append(",\"value\":").append(normal(sensors.get(s)[1])).append('}');
                }
                return post(sys, "/api/v1/telemetry/readings", "application/json", json.append(']').toString());
            });
            Runnable opinionTick = () -> fire(opinions, inFlight, skipped, () -> post(citizen,
                    "/api/v1/participation/consultations/" + consultation + "/opinions", "application/json",
                    "{\"text\":\"建议第" + (1 + random.nextInt(30)) + "条增加公众参与的具体程序。意见 " + seq.incrementAndGet() + "\"}"));
            clock.scheduleAtFixedRate(caseTick, 0, (long) (1e9 / caseRate), TimeUnit.NANOSECONDS);
            clock.scheduleAtFixedRate(readingTick, 0, (long) (1e9 / batchRate), TimeUnit.NANOSECONDS);
            clock.scheduleAtFixedRate(opinionTick, 0, (long) (1e9 / opinionRate), TimeUnit.NANOSECONDS);

            List<Row> rows = new ArrayList<>();
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);
            System.out.println("soak:   min  heap-after-GC MB (committed)  threads |  cases n err p50 p99 ms |"
                    + "  readings(batches) n err p50 p99 ms |  opinions n err p50 p99 ms");
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(sampleSeconds * 1000L, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                double[] heap = heapAfterGc(jcmd, server.pid());
                double threads = threads(sys);
                Row row = new Row((System.nanoTime() - start) / 60e9, heap[0], heap[1], threads, cases.drain(),
                        readings.drain(), opinions.drain());
                rows.add(row);
                System.out.printf(Locale.ROOT, "soak: %5.1f  %7.1f (%6.1f)  %7.0f | %s | %s | %s%n", row.minutes(),
                        row.heapMb(), row.committedMb(), row.threads(), fmt(row.cases()), fmt(row.readings()),
                        fmt(row.opinions()));
            }
            clock.shutdownNow();
            System.out.printf("soak: requests skipped because 500 were already in flight: %d%n", skipped.get());
            System.out.println("soak: errors by reason: cases " + cases.reasons + "; readings " + readings.reasons
                    + "; opinions " + opinions.reasons);
            return verdict(rows, db, minutes) ? 0 : 1;
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            if (db.equals("postgres")) {
                sql(pgAdmin, pgUser, "drop database if exists " + pgDatabase + " with (force)");
            }
            System.out.println("soak: server log and data kept in " + data);
        }
    }

    static String fmt(Sample s) {
        return String.format(Locale.ROOT, "%6d %3d %6.1f %7.1f", s.requests(), s.errors(), s.p50(), s.p99());
    }

    static double normal(String type) {
        return switch (type) {
            case "pressure" -> 0.35;
            case "methane" -> 0.6;
            case "manhole-tilt" -> 1.0;
            case "water-level" -> 0.04;
            default -> 1.0;
        };
    }

    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** Sends one request on its own virtual thread (open loop), unless 500 are already in flight. */
    void fire(Window window, AtomicInteger inFlight, AtomicLong skipped, Call call) {
        if (inFlight.incrementAndGet() > 500) {
            inFlight.decrementAndGet();
            skipped.incrementAndGet();
            window.add(0, false);
            window.reasons.computeIfAbsent("skipped", k -> new AtomicLong()).incrementAndGet();
            return;
        }
        Thread.ofVirtual().start(() -> {
            long t = System.nanoTime();
            boolean ok;
            String reason = null;
            try {
                HttpResponse<String> r = call.send();
                ok = r.statusCode() / 100 == 2;
                if (!ok) {
                    reason = "HTTP " + r.statusCode() + " " + r.body().substring(0, Math.min(160, r.body().length()));
                }
            } catch (Exception e) {
                ok = false;
                reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (reason != null && window.reasons.computeIfAbsent(reason.length() > 60 ? reason.substring(0, 60) : reason,
                    k -> new AtomicLong()).incrementAndGet() == 1) {
                System.out.println("soak: error " + reason);
            }
            window.add(System.nanoTime() - t, ok);
            inFlight.decrementAndGet();
        });
    }

    /**
     * Compares the last third of the samples with the first third (the first sample, warm-up, left
     * out): stable when the mean heap after GC grew by less than 20 % (or 32 MB), the median of the
     * windows' p99 by less than 50 % for every stream, and errors did not grow.
     */
    static boolean verdict(List<Row> rows, String db, double minutes) {
        if (rows.size() < 4) {
            System.out.println("SOAK too short to judge: " + rows.size() + " samples");
            return false;
        }
        List<Row> body = rows.subList(1, rows.size());
        int third = Math.max(1, body.size() / 3);
        List<Row> first = body.subList(0, third);
        List<Row> last = body.subList(body.size() - third, body.size());
        double heapFirst = first.stream().mapToDouble(Row::heapMb).average().orElse(0);
        double heapLast = last.stream().mapToDouble(Row::heapMb).average().orElse(0);
        boolean heapStable = heapLast < Math.max(heapFirst * 1.2, heapFirst + 32);
        StringBuilder out = new StringBuilder();
        boolean stable = heapStable;
        out.append(String.format(Locale.ROOT, "SOAK (%s, %.0f min) heap after GC %.1f MB -> %.1f MB (%+.0f %%)", db, minutes,
                heapFirst, heapLast, 100 * (heapLast / heapFirst - 1)));
        String[] names = {"cases", "readings", "opinions"};
        for (int k = 0; k < 3; k++) {
            int kind = k;
            java.util.function.Function<Row, Sample> of = r -> kind == 0 ? r.cases() : kind == 1 ? r.readings() : r.opinions();
            double p50First = median(first.stream().mapToDouble(r -> of.apply(r).p50()).toArray());
            double p50Last = median(last.stream().mapToDouble(r -> of.apply(r).p50()).toArray());
            double p99First = median(first.stream().mapToDouble(r -> of.apply(r).p99()).toArray());
            double p99Last = median(last.stream().mapToDouble(r -> of.apply(r).p99()).toArray());
            int errFirst = first.stream().mapToInt(r -> of.apply(r).errors()).sum();
            int errLast = last.stream().mapToInt(r -> of.apply(r).errors()).sum();
            int total = rows.stream().mapToInt(r -> of.apply(r).requests()).sum();
            int errors = rows.stream().mapToInt(r -> of.apply(r).errors()).sum();
            boolean ok = p99Last < p99First * 1.5 && errLast <= errFirst;
            stable &= ok;
            out.append(String.format(Locale.ROOT, "; %s %d requests, %d errors, p50 %.1f -> %.1f ms, p99 %.1f -> %.1f ms,"
                    + " errors %d -> %d", names[k], total, errors, p50First, p50Last, p99First, p99Last, errFirst, errLast));
        }
        out.append(" (first third -> last third) stable=").append(stable ? "yes" : "no");
        System.out.println(out);
        return stable;
    }

    static double median(double[] values) {
        Arrays.sort(values);
        return values.length == 0 ? Double.NaN : values[values.length / 2];
    }

    /** The server's heap after a full collection and its committed heap, in MB. */
    static double[] heapAfterGc(String jcmd, long pid) throws IOException, InterruptedException {
        exec(jcmd, Long.toString(pid), "GC.run");
        Matcher m = HEAP_USED.matcher(exec(jcmd, Long.toString(pid), "GC.heap_info"));
        return m.find() ? new double[] {Long.parseLong(m.group(2)) / 1024.0, Long.parseLong(m.group(1)) / 1024.0}
                : new double[] {Double.NaN, Double.NaN};
    }

    double threads(String token) {
        try {
            Matcher m = LIVE_THREADS.matcher(get(token, "/actuator/prometheus").body());
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    static String exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    interface Check {
        boolean done() throws Exception;
    }

    void waitFor(String what, int seconds, Check check) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped; see " + data.resolve("server.log"));
            }
            try {
                if (check.done()) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("gave up waiting for " + what + "; see " + data.resolve("server.log"));
            }
            Thread.sleep(1000);
        }
    }

    String activate(String username, String file) throws Exception {
        String first = Files.readString(data.resolve(file), StandardCharsets.UTF_8).trim();
        String password = "Soak-" + UUID.randomUUID() + "-x9";
        check(post(null, "/api/v1/auth/password", "application/json", "{\"username\":\"" + username
                + "\",\"oldPassword\":\"" + first + "\",\"newPassword\":\"" + password + "\"}"), 204);
        return token(username, password);
    }

    String token(String username, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"soak\"}"))
                .build();
        return JsonPath.read(check(http.send(request, HttpResponse.BodyHandlers.ofString()), 201).body(), "$.token");
    }

    String account(String sys, String sec, String username, String role) throws Exception {
        String created = check(post(sys, "/api/v1/accounts", "application/json",
                "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\"}"), 201).body();
        String id = JsonPath.read(created, "$.account.id");
        check(put(sec, "/api/v1/accounts/" + id + "/roles", "{\"roles\":[\"" + role + "\"]}"), 200);
        check(put(sec, "/api/v1/accounts/" + id + "/jurisdiction", "{\"citywide\":true,\"divisions\":[],\"departments\":[]}"), 200);
        String password = "Soak-" + UUID.randomUUID() + "-x9";
        check(post(null, "/api/v1/auth/password", "application/json", "{\"username\":\"" + username
                + "\",\"oldPassword\":\"" + JsonPath.read(created, "$.oneTimePassword") + "\",\"newPassword\":\"" + password + "\"}"), 204);
        return token(username, password);
    }

    static HttpResponse<String> check(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": "
                    + response.statusCode() + " " + response.body());
        }
        return response;
    }

    HttpResponse<String> get(String token, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String token, String path, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> put(String token, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void sql(String url, String user, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, env("MEGACITY_TEST_PG_PASSWORD", ""))) {
            c.createStatement().execute(statement);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

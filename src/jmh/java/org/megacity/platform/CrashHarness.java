package org.megacity.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./megacity bench crash [--kills N] [--seed S] [--pg-url URL] [--pg-user U] [--pg-password P] [--keep]}:
 * proves that a crash loses nothing that was acknowledged.
 *
 * <p>On a fresh PostgreSQL database (created here, dropped at the end) it starts the real server jar
 * ({@code target/megacity.jar}) as a child process, first as {@code demo --scale small} (a city,
 * assets, sensors and an open consultation), later as {@code serve}. Three kinds of writers run
 * concurrently through the public interfaces, as real clients would:
 * <ul>
 *   <li>cases: Open311 {@code POST /open311/v2/requests.json} with an API key the system administrator
 *       issued ({@code service_request_id} acknowledged);</li>
 *   <li>readings: {@code POST /api/v1/telemetry/readings} batches with message ids, with a personal
 *       access token of the system administrator (each reading not rejected is acknowledged); some
 *       methane values lie above the severity-I limit, so alerts are raised and, through the
 *       {@code AlertRaised} event, cases opened;</li>
 *   <li>opinions: anonymous online opinions on the demo consultation (the {@code id} acknowledged).</li>
 * </ul>
 * The administrator's account goes through the real first-start flow: the one-time password from
 * {@code <data>/initial-admin-password}, changed through {@code POST /api/v1/auth/password}, then a
 * token from {@code POST /api/v1/auth/tokens}.
 *
 * <p>The server is killed with SIGKILL ({@link Process#destroyForcibly()}) at random moments, most
 * under load after it became ready, some during its start-up, and started again. After the last kill
 * it is started once more and given a grace period; then the harness checks in the database that
 * every acknowledged case, reading and opinion is there, that no event publication is left
 * incomplete in Spring Modulith's registry ({@code event_publication}), that every alert of
 * severity I–III with a category has its case, that every acknowledged write has its audit record,
 * and runs {@code audit verify} on the chain. The last
 * line is {@code acknowledged=N lost=M}; the exit code is 0 only when nothing was lost and every
 * check passed.
 */
public final class CrashHarness {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PrintStream OUT = System.out;

    private final int kills;
    private final Random random;
    private final String adminUrl;
    private final String pgUser;
    private final String pgPassword;
    private final Path jar;
    private final boolean keep;
    private final String database;
    private final String dbUrl;
    private final Path work;
    private final Path data;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final ConcurrentLinkedQueue<Long> ackedCases = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> ackedReadings = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> ackedOpinions = new ConcurrentLinkedQueue<>();
    private final AtomicLong ackedBatches = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final Map<String, Long> lastReadingTime = new ConcurrentHashMap<>();

    private Process server;
    private int runs;
    private int killCount;
    private int startupKills;
    private String token;
    private String apiKey;
    private String consultationId;
    private String serviceCode;
    private List<double[]> places = List.of();
    private List<String> methaneSensors = List.of();

    private CrashHarness(Map<String, String> options) throws IOException {
        this.kills = Integer.parseInt(options.getOrDefault("kills", "20"));
        long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(System.nanoTime())));
        this.random = new Random(seed);
        this.adminUrl = options.getOrDefault("pg-url", env("MEGACITY_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"));
        this.pgUser = options.getOrDefault("pg-user", env("MEGACITY_TEST_PG_USER", "postgres"));
        this.pgPassword = options.getOrDefault("pg-password", env("MEGACITY_TEST_PG_PASSWORD", ""));
        this.jar = Path.of(options.getOrDefault("jar", "target/megacity.jar")).toAbsolutePath();
        this.keep = options.containsKey("keep");
        this.database = "megacity_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.dbUrl = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
        this.work = Files.createTempDirectory("megacity-crash");
        this.data = work.resolve("data");
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        OUT.printf("crash: seed %d, %d kills, database %s, data %s, port %d%n", seed, kills, database, data, port);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("keep")) {
                options.put(name, "true");
            } else {
                options.put(name, args[++i]);
            }
        }
        CrashHarness harness = new CrashHarness(options);
        System.exit(harness.run());
    }

    private int run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn -o -DskipTests package");
        }
        admin("CREATE DATABASE " + database);
        boolean passed = false;
        try {
            passed = exercise();
        } finally {
            stop(false);
            if (keep && !passed) {
                OUT.printf("crash: kept database %s and data %s for inspection%n", database, data);
            } else {
                if (!passed && Files.exists(work.resolve("server.log"))) {
                    Path log = Path.of("target", database + "-server.log").toAbsolutePath();
                    Files.createDirectories(log.getParent());
                    Files.copy(work.resolve("server.log"), log);
                    OUT.println("crash: the server's log is kept in " + log);
                }
                admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                deleteTree(work);
            }
        }
        return passed ? 0 : 1;
    }

    private boolean exercise() throws Exception {
        long started = System.nanoTime();
        start("demo", "--scale", "small");
        awaitReady(Duration.ofMinutes(5));
        prepare();
        List<Thread> writers = List.of(
                Thread.ofPlatform().name("crash-cases").start(() -> loop(this::writeCase)),
                Thread.ofPlatform().name("crash-readings").start(() -> loop(this::writeReadings)),
                Thread.ofPlatform().name("crash-opinions").start(() -> loop(this::writeOpinion)));
        long lastStartup = 10_000;
        while (killCount < kills) {
            if (server == null) {
                long t0 = System.nanoTime();
                start("serve");
                // about one kill in five lands in the middle of a start-up (Flyway, republication, …)
                if (random.nextInt(5) == 0) {
                    sleep(random.nextLong(lastStartup));
                    if (server.isAlive()) {
                        boolean ready = ready();
                        kill(ready ? "under load, soon after start-up" : "during start-up");
                        startupKills += ready ? 0 : 1;
                        continue;
                    }
                }
                awaitReady(Duration.ofMinutes(5));
                lastStartup = (System.nanoTime() - t0) / 1_000_000;
            }
            sleep(2_000 + random.nextLong(8_000));
            kill("under load");
        }
        start("serve");
        awaitReady(Duration.ofMinutes(5));
        sleep(3_000);
        writing.set(false);
        for (Thread writer : writers) {
            writer.join();
        }
        return verify(started);
    }

    // --- the server as a child process ------------------------------------------------------------

    private void start(String... words) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseG1GC", "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
                // no MQTT: the broker on the machine is shared, and the harness drives HTTP
                "-Dmegacity.telemetry.mqtt.demo-url=",
                "-Dmegacity.participation.anonymous-per-hour=100000000",
                // every writer comes from 127.0.0.1: the per-address limits would refuse most of it
                "-Dmegacity.protection.public-write-rate=100000000", "-Dmegacity.protection.sign-in-rate=100000",
                "-jar", jar.toString()));
        command.addAll(List.of(words));
        command.addAll(List.of("--port", String.valueOf(port), "--data", data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("server.log").toFile()));
        builder.environment().put("MEGACITY_DB_URL", dbUrl);
        builder.environment().put("MEGACITY_DB_USER", pgUser);
        builder.environment().put("MEGACITY_DB_PASSWORD", pgPassword);
        server = builder.start();
        runs++;
    }

    private void awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long t0 = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.exitValue() + "; see "
                        + work.resolve("server.log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    OUT.printf("crash: run %d ready in %.1f s%n", runs, (System.nanoTime() - t0) / 1e9);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            sleep(200);
        }
        throw new IllegalStateException("the server did not become ready within " + limit);
    }

    private boolean ready() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void kill(String when) throws InterruptedException {
        server.destroyForcibly();
        server.waitFor();
        server = null;
        killCount++;
        OUT.printf("crash: kill %d (%s, SIGKILL); acknowledged so far: %d cases, %d readings, %d opinions%n",
                killCount, when, ackedCases.size(), ackedReadings.size(), ackedOpinions.size());
    }

    private void stop(boolean gracefully) throws InterruptedException {
        if (server != null) {
            if (gracefully) {
                server.destroy();
                if (!server.waitFor(60, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } else {
                server.destroyForcibly();
            }
            server.waitFor();
            server = null;
        }
    }

    // --- accounts and the things to write to ------------------------------------------------------

    private void prepare() throws Exception {
        String first = Files.readString(data.resolve("initial-admin-password")).strip();
        String password = "Crash-" + UUID.randomUUID().toString().substring(0, 18) + "-Zz9";
        HttpResponse<String> changed = send(HttpRequest.newBuilder(uri("/api/v1/auth/password"))
                .header("Content-Type", "application/json")
                .POST(json(Map.of("username", "sysadmin", "oldPassword", first, "newPassword", password))));
        require(changed, 204, "change the first password");
        String basic = "Basic " + Base64.getEncoder().encodeToString(("sysadmin:" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = send(HttpRequest.newBuilder(uri("/api/v1/auth/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(json(Map.of("name", "crash harness"))));
        require(issued, 201, "issue a token");
        token = JSON.readTree(issued.body()).path("token").asString();
        HttpResponse<String> key = send(authorized("/api/v1/cases/open311/keys").header("Content-Type", "application/json")
                .POST(json(Map.of("name", "crash harness"))));
        require(key, 201, "issue an Open311 key");
        apiKey = JSON.readTree(key.body()).path("apiKey").asString();

        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (methaneSensors.isEmpty() || consultationId == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo registered no methane sensors or no consultation in time");
            }
            sleep(1_000);
            JsonNode sensors = JSON.readTree(send(authorized("/api/v1/telemetry/sensors?type=methane&limit=1000").GET()).body());
            List<String> ids = new ArrayList<>();
            List<double[]> points = new ArrayList<>();
            for (JsonNode s : sensors.path("sensors")) {
                if (s.path("gridCode").isNull() || s.path("gridCode").isMissingNode()) {
                    continue; // on an asset outside every grid: its alerts open no case (intake refuses the place)
                }
                ids.add(s.path("id").asString());
                points.add(new double[] {s.path("lon").asDouble(), s.path("lat").asDouble()});
            }
            methaneSensors = ids;
            places = points;
            for (JsonNode c : JSON.readTree(send(HttpRequest.newBuilder(uri("/api/v1/participation/consultations")).GET()).body())) {
                if ("open".equals(c.path("state").asString())) {
                    consultationId = c.path("id").asString();
                }
            }
        }
        JsonNode services = JSON.readTree(send(HttpRequest.newBuilder(uri("/open311/v2/services.json")).GET()).body());
        serviceCode = services.get(0).path("service_code").asString();
        OUT.printf("crash: sysadmin signed in through its first password; %d methane sensors, consultation %s,"
                + " Open311 service %s%n", methaneSensors.size(), consultationId, serviceCode);
    }

    // --- the writers ------------------------------------------------------------------------------

    private void loop(BooleanSupplier write) {
        while (writing.get()) {
            if (!write.getAsBoolean()) {
                failedRequests.incrementAndGet();
                sleep(100);
            }
        }
    }

    private boolean writeCase() {
        double[] p = places.get(random(places.size()));
        String form = "api_key=" + enc(apiKey) + "&service_code=" + enc(serviceCode)
                + "&lat=" + (p[1] + (random(200) - 100) * 1e-6) + "&long=" + (p[0] + (random(200) - 100) * 1e-6)
                + "&description=" + enc("crash harness report " + UUID.randomUUID());
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            if (r.statusCode() / 100 != 2) {
                return false;
            }
            ackedCases.add(Long.parseLong(JSON.readTree(r.body()).get(0).path("service_request_id").asString()));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private boolean writeReadings() {
        List<Map<String, Object>> batch = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < 50; i++) {
            String sensor = methaneSensors.get(random(methaneSensors.size()));
            long time = lastReadingTime.merge(sensor, now, (last, n) -> Math.max(last + 1, n));
            // one in forty above the severity-I limit (25 %LEL): alerts, AlertRaised, cases
            double value = random(40) == 0 ? 30 + random(20) : 1 + random(40) / 10.0;
            String messageId = "crash-" + UUID.randomUUID();
            batch.add(Map.of("sensorId", sensor, "time", time, "value", value, "messageId", messageId));
            ids.add(messageId);
        }
        try {
            HttpResponse<String> r = send(authorized("/api/v1/telemetry/readings").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(batch))));
            if (r.statusCode() / 100 != 2) {
                return false;
            }
            ackedBatches.incrementAndGet();
            Set<Integer> rejected = new HashSet<>();
            for (JsonNode rejection : JSON.readTree(r.body()).path("rejected")) {
                rejected.add(rejection.path("index").asInt());
            }
            for (int i = 0; i < ids.size(); i++) {
                if (!rejected.contains(i)) {
                    ackedReadings.add(ids.get(i));
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private boolean writeOpinion() {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/participation/consultations/" + consultationId
                    + "/opinions")).header("Content-Type", "application/json")
                    .POST(json(Map.of("text", "崩溃测试意见 " + UUID.randomUUID(), "channel", "online"))));
            if (r.statusCode() / 100 != 2) {
                return false;
            }
            ackedOpinions.add(JSON.readTree(r.body()).path("id").asString());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // --- the proof --------------------------------------------------------------------------------

    private boolean verify(long started) throws Exception {
        boolean passed = true;
        long incomplete;
        long graceStart = System.nanoTime();
        try (Connection c = DriverManager.getConnection(dbUrl, pgUser, pgPassword)) {
            do {
                incomplete = count(c, "select count(*) from event_publication where completion_date is null");
                if (incomplete > 0) {
                    sleep(1_000);
                }
            } while (incomplete > 0 && System.nanoTime() - graceStart < Duration.ofMinutes(2).toNanos());
            OUT.printf("crash: event publications incomplete after %.0f s of grace: %d (of %d)%n",
                    (System.nanoTime() - graceStart) / 1e9, incomplete, count(c, "select count(*) from event_publication"));
            if (incomplete > 0) {
                passed = false;
                try (ResultSet rs = c.createStatement().executeQuery("select listener_id, event_type, count(*) from "
                        + "event_publication where completion_date is null group by listener_id, event_type")) {
                    while (rs.next()) {
                        OUT.printf("crash:   incomplete: %s for %s: %d%n", rs.getString(1), rs.getString(2), rs.getLong(3));
                    }
                }
            }
            long alerts = count(c, "select count(*) from telemetry_alerts a join telemetry_rules r on r.id = a.rule_id "
                    + "where a.severity <= 3 and r.category is not null");
            String withoutCase = "select count(*) from telemetry_alerts a join telemetry_rules r on r.id = a.rule_id "
                    + "join telemetry_sensors s on s.id = a.sensor_id where a.severity <= 3 and r.category is not null "
                    + "and (a.case_id is null or not exists (select 1 from cases_case k where k.id = a.case_id)) and s.grid_code is ";
            long alertsWithoutCase = count(c, withoutCase + "not null");
            long outside = count(c, withoutCase + "null");
            OUT.printf("crash: alerts of severity I-III: %d, without their case: %d (and %d of sensors outside every grid,"
                    + " for which the intake opens no case by design)%n", alerts, alertsWithoutCase, outside);
            if (alertsWithoutCase > 0) {
                passed = false;
            }
            long lostCases = missing(c, "select count(*) from cases_case where id = any(?)", "bigint",
                    ackedCases.toArray(Long[]::new));
            long lostReadings = missing(c, "select count(*) from telemetry_readings where message_id = any(?)", "varchar",
                    ackedReadings.toArray(String[]::new));
            long lostOpinions = missing(c, "select count(*) from participation_opinion where id = any(?)", "varchar",
                    ackedOpinions.toArray(String[]::new));
            long unaudited = unaudited(c);
            if (unaudited > 0) {
                passed = false;
            }
            stop(true);
            int audit = auditVerify();
            if (audit != 0) {
                passed = false;
            }
            long acknowledged = ackedCases.size() + ackedReadings.size() + ackedOpinions.size();
            long lost = lostCases + lostReadings + lostOpinions;
            OUT.println();
            OUT.printf("runs:            %d (server starts)%n", runs);
            OUT.printf("kills:           %d (SIGKILL; %d during start-up)%n", killCount, startupKills);
            OUT.printf("acknowledged:    %d cases, %d readings, %d opinions%n", ackedCases.size(), ackedReadings.size(),
                    ackedOpinions.size());
            OUT.printf("lost:            %d cases, %d readings, %d opinions%n", lostCases, lostReadings, lostOpinions);
            OUT.printf("failed requests: %d (refused or cut off while the server was down; not acknowledged)%n",
                    failedRequests.get());
            OUT.printf("events:          %d publications incomplete%n", incomplete);
            OUT.printf("audit chain:     %s; acknowledged writes without their record: %d%n",
                    audit == 0 ? "verified" : "BROKEN (exit " + audit + ")", unaudited);
            OUT.printf("duration:        %.0f s%n", (System.nanoTime() - started) / 1e9);
            OUT.printf("acknowledged=%d lost=%d%n", acknowledged, lost);
            return passed && lost == 0;
        }
    }

    /**
     * Acknowledged writes whose audit record is missing: each case's {@code case.open311-request}
     * record by its id, and for every kind at least as many HTTP records with a 2xx result as
     * requests were acknowledged (the audit filter appends before the answer is released).
     */
    private long unaudited(Connection c) throws SQLException {
        Set<Long> recorded = new HashSet<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "select object from audit_record where action = 'case.open311-request' and result = 'ok'")) {
            while (rs.next()) {
                String object = rs.getString(1);
                recorded.add(Long.parseLong(object.substring("case=".length(), object.indexOf(';'))));
            }
        }
        long casesWithout = ackedCases.stream().filter(id -> !recorded.contains(id)).count();
        long http = 0;
        Map<String, Long> expected = Map.of(
                "action = 'POST /open311/v2/requests.json'", (long) ackedCases.size(),
                "action = 'POST /api/v1/telemetry/readings'", ackedBatches.get(),
                "action like 'POST /api/v1/participation/consultations/%/opinions'", (long) ackedOpinions.size());
        for (var e : expected.entrySet()) {
            long records = count(c, "select count(*) from audit_record where " + e.getKey() + " and result like '2%'");
            OUT.printf("crash: audit records where %s: %d for %d acknowledged requests%n", e.getKey(), records, e.getValue());
            http += Math.max(0, e.getValue() - records);
        }
        OUT.printf("crash: acknowledged cases without their case.open311-request record: %d%n", casesWithout);
        return casesWithout + http;
    }

    private long missing(Connection c, String sql, String type, Object[] ids) throws SQLException {
        long present = 0;
        for (int from = 0; from < ids.length; from += 10_000) {
            Object[] chunk = java.util.Arrays.copyOfRange(ids, from, Math.min(ids.length, from + 10_000));
            try (PreparedStatement s = c.prepareStatement(sql)) {
                Array array = c.createArrayOf(type, chunk);
                s.setArray(1, array);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    present += rs.getLong(1);
                }
            }
        }
        return ids.length - present;
    }

    private int auditVerify() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "audit", "verify", "--data", data.toString()).redirectErrorStream(true);
        builder.environment().put("MEGACITY_DB_URL", dbUrl);
        builder.environment().put("MEGACITY_DB_USER", pgUser);
        builder.environment().put("MEGACITY_DB_PASSWORD", pgPassword);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int code = p.waitFor();
        OUT.println("crash: ./megacity audit verify: " + output.lines().reduce((a, b) -> b).orElse(""));
        return code;
    }

    // --- plumbing ---------------------------------------------------------------------------------

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void require(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("could not " + what + ": " + response.statusCode() + " " + response.body());
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpRequest.BodyPublisher json(Object value) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private int random(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, pgUser, pgPassword)) {
            c.createStatement().execute(sql);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

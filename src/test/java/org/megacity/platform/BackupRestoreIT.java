package org.megacity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.megacity.participation.ParticipationFixture.map;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megacity.MegacityApplication;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.Geography;
import org.megacity.organization.Organization;
import org.megacity.participation.ParticipationFixture;
import org.megacity.testing.TinyCity;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A backup taken while the application runs and restored into a fresh data directory holds what was
 * written before it (accounts, a case, an opinion, the audit trail, whose chain verifies), and not
 * what was written after it. On H2 (the failsafe run with {@code megacity.test.db=h2}) through
 * {@code ./megacity backup} and {@code ./megacity restore} alone; on PostgreSQL through the
 * procedure of docs/operations.md: {@code pg_dump} beside {@code ./megacity backup}, then
 * {@code pg_restore} into a new database beside {@code ./megacity restore}.
 *
 * <p>The application is started here as the launcher starts it, on a data directory of its own
 * (not through {@code @SpringBootTest}, whose in-memory H2 cannot be backed up as a file).
 */
class BackupRestoreIT {

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private final List<String> databases = new ArrayList<>();

    @TempDir
    Path temp;

    static boolean postgres() {
        return "postgres".equals(System.getProperty("megacity.test.db", "h2"));
    }

    @Test
    void aBackupTakenWhileRunningRestoresIntoAnEmptyDataDirectoryWithTheChainIntact() throws Exception {
        String dbA = postgres() ? createDatabase() : null;
        Path dataA = temp.resolve("a");
        ConfigurableApplicationContext a = start(dataA, dbA);
        MockMvc mvc = mvc(a);
        DataDirectory data = a.getBean(DataDirectory.class);
        CaseFixtures.city(a.getBean(Geography.class), a.getBean(Organization.class));
        CaseFixtures accounts = new CaseFixtures(mvc, data);
        String operator = accounts.create("backup.operator", "HOTLINE_OPERATOR", List.of(), List.of());
        String staff = accounts.create("backup.staff", "LEGISLATIVE_STAFF", List.of(), List.of());
        double[] p = TinyCity.pointInFirstGrid();
        String created = mvc.perform(post("/api/v1/cases").header(HttpHeaders.AUTHORIZATION, bearer(operator))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\": \"hotline\", \"category\": \"E0501\", "
                                + "\"hotlineType\": \"complaint\", \"description\": \"备份前的水管漏水\", \"lon\": " + p[0]
                                + ", \"lat\": " + p[1] + ", \"reporterName\": \"张三丰\", \"reporterPhone\": \"13812341234\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long caseId = ((Number) JsonPath.read(created, "$.id")).longValue();
        ParticipationFixture participation = new ParticipationFixture(mvc);
        String consultation = participation.consultation(staff, participation.bill(staff), Instant.now(), 30);
        String[] before = participation.opinion(null, consultation, map("text", "备份之前提交的意见", "channel", "online"));

        Path backup = temp.resolve("backups").resolve("megacity-backup.zip");
        Path dump = temp.resolve("backups").resolve("megacity.pgdump");
        if (postgres()) {
            Files.createDirectories(dump.getParent());
            run("pg_dump", "--format=custom", "--file=" + dump, "--dbname=" + dbA, "--host=" + pgHost(), "--port=" + pgPort(), "--username=" + pgUser());
        }
        assertThat(command(dbA, "backup", "--data", dataA.toString(), backup.toString())).isZero();
        String[] after = participation.opinion(null, consultation, map("text", "备份之后提交的意见", "channel", "online"));
        close(a);

        assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(Path.of(backup + ".keys"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // a restore never writes over an installation
        assertThat(command(null, "restore", "--data", dataA.toString(), backup.toString())).isEqualTo(2);

        String dbB = null;
        if (postgres()) {
            dbB = createDatabase();
            run("pg_restore", "--no-owner", "--dbname=" + dbB, "--host=" + pgHost(), "--port=" + pgPort(),
                    "--username=" + pgUser(), dump.toString());
        }
        Path dataB = temp.resolve("b");
        assertThat(command(dbB, "restore", "--data", dataB.toString(), backup.toString())).isZero();
        assertThat(Files.getPosixFilePermissions(dataB.resolve("keys"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));

        ConfigurableApplicationContext b = start(dataB, dbB);
        MockMvc restored = mvc(b);
        String operatorAgain = new org.megacity.identity.Administrators(restored, b.getBean(DataDirectory.class))
                .token("backup.operator", CaseFixtures.PASSWORD);
        restored.perform(get("/api/v1/cases/" + caseId).header(HttpHeaders.AUTHORIZATION, bearer(operatorAgain)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value("备份前的水管漏水"))
                .andExpect(jsonPath("$.reporter.phone").value("13812341234"));
        ParticipationFixture api = new ParticipationFixture(restored);
        api.post(null, ParticipationFixture.API + "/opinion-lookup", map("token", before[1])).andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value("备份之前提交的意见"));
        api.post(null, ParticipationFixture.API + "/opinion-lookup", map("token", after[1])).andExpect(status().isNotFound());
        assertThat(command(dbB, "audit", "verify", "--data", dataB.toString())).isZero();
    }

    private ConfigurableApplicationContext start(Path data, String database) {
        List<String> args = new ArrayList<>(List.of("--megacity.data-dir=" + data, "--server.port=0", "--megacity.mode=test",
                "--server.shutdown=immediate"));
        if (database != null) {
            args.addAll(List.of("--spring.datasource.url=" + pgUrl(database), "--spring.datasource.username=" + pgUser(),
                    "--spring.datasource.password=" + pgPassword()));
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MegacityApplication.class)
                .run(args.toArray(String[]::new));
        running.add(context);
        return context;
    }

    private static MockMvc mvc(ConfigurableApplicationContext context) {
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context);
        new SpringBootMockMvcBuilderCustomizer((WebApplicationContext) context).customize(builder);
        return builder.apply(springSecurity()).build();
    }

    /** Runs a command of the jar the way the launcher does; on PostgreSQL with the database's URL. */
    private static int command(String database, String... words) {
        if (database == null) {
            return Launch.run(MegacityApplication.class, CommandLine.parse(words));
        }
        System.setProperty("spring.datasource.url", pgUrl(database));
        System.setProperty("spring.datasource.username", pgUser());
        System.setProperty("spring.datasource.password", pgPassword());
        try {
            return Launch.run(MegacityApplication.class, CommandLine.parse(words));
        } finally {
            System.clearProperty("spring.datasource.url");
            System.clearProperty("spring.datasource.username");
            System.clearProperty("spring.datasource.password");
        }
    }

    private static void close(ConfigurableApplicationContext context) {
        context.close();
    }

    @AfterEach
    void tearDown() {
        running.forEach(ConfigurableApplicationContext::close);
        for (String database : databases) {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private String createDatabase() {
        try (Connection c = DriverManager.getConnection(pgAdminUrl(), pgUser(), pgPassword())) {
            Assumptions.assumeTrue(c.isValid(5) || !Boolean.getBoolean("megacity.test.pg.required"));
        } catch (SQLException e) {
            if (Boolean.getBoolean("megacity.test.pg.required")) {
                throw new IllegalStateException("PostgreSQL is required for this run but not reachable", e);
            }
            Assumptions.abort("PostgreSQL not reachable at " + pgAdminUrl());
        }
        String name = "megacity_backup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        databases.add(name);
        return name;
    }

    private static void run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!pgPassword().isEmpty()) {
            builder.environment().put("PGPASSWORD", pgPassword());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(pgAdminUrl(), pgUser(), pgPassword())) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pgAdminUrl() {
        return env("MEGACITY_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    private static String pgUrl(String database) {
        return pgAdminUrl().substring(0, pgAdminUrl().lastIndexOf('/') + 1) + database;
    }

    private static final java.util.regex.Pattern SERVER = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/.*");

    private static String pgHost() {
        var m = SERVER.matcher(pgAdminUrl());
        return m.matches() ? m.group(1) : "127.0.0.1";
    }

    private static String pgPort() {
        var m = SERVER.matcher(pgAdminUrl());
        return m.matches() && m.group(2) != null ? m.group(2) : "5432";
    }

    private static String pgUser() {
        return env("MEGACITY_TEST_PG_USER", "postgres");
    }

    private static String pgPassword() {
        return env("MEGACITY_TEST_PG_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

package org.megacity.audit.internal;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.megacity.platform.DataDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Verifying an audit trail of one million records, end to end ({@link ChainVerifier}: keyset
 * batches of 10,000 from the database, an HMAC per record), beside the baseline of reading the
 * same records in the same batches without checking anything, so the ratio shows what the
 * verification itself costs.
 *
 * <p>Run: {@code ./megacity bench ChainVerification} (H2 in memory), or on PostgreSQL at
 * 127.0.0.1:5432 (user postgres, a scratch database created and dropped):
 * {@code ./megacity bench ChainVerification -p database=postgres}. Records per second = records /
 * the time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ChainVerificationBenchmark {

    @Param({"1000000"})
    int records;

    @Param({"h2"})
    String database;

    private SingleConnectionDataSource dataSource;
    private String scratchDatabase;
    private AuditRecords auditRecords;
    private ChainVerifier verifier;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        dataSource = open();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String migration = new String(new ClassPathResource("db/migration/common/V30_1__audit_trail.sql")
                .getContentAsByteArray()).replaceAll("(?m)^--.*$", "");
        for (String statement : migration.split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
        AuditKey key = new AuditKey(DataDirectory.prepare(Files.createTempDirectory("megacity-bench")));
        ChainHash hash = key.newHash();
        String previous = ChainHash.GENESIS;
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into audit_record (sequence, recorded_at, actor, roles, action, object, result, source,"
                        + " previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (long s = 1; s <= records; s++) {
                Instant t = start.plusMillis(s * 250);
                String actor = "user" + (s % 500);
                String action = s % 3 == 0 ? "POST /api/v1/cases" : "auth.login";
                String object = "id=" + s;
                String h = hash.of(s, t, actor, "DISPATCHER", action, object, "201", "10.0.0." + (s % 250), previous);
                insert.setLong(1, s);
                insert.setObject(2, AuditRecords.time(t));
                insert.setString(3, actor);
                insert.setString(4, "DISPATCHER");
                insert.setString(5, action);
                insert.setString(6, object);
                insert.setString(7, "201");
                insert.setString(8, "10.0.0." + (s % 250));
                insert.setString(9, previous);
                insert.setString(10, h);
                insert.addBatch();
                previous = h;
                if (s % 5_000 == 0) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
            c.commit();
            c.setAutoCommit(true);
        }
        jdbc.sql("update audit_chain_head set last_sequence = :s, last_hash = :h, head_mac = :m where id = 1")
                .param("s", (long) records).param("h", previous).param("m", key.newHash().head(records, previous))
                .update();
        auditRecords = new AuditRecords(jdbc);
        verifier = new ChainVerifier(auditRecords, key);
        ChainVerification check = verifier.verify();
        if (!(check instanceof ChainVerification.Intact intact) || intact.records() != records) {
            throw new IllegalStateException("the benchmark's chain does not verify: " + check);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        dataSource.destroy();
        if (scratchDatabase != null) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + scratchDatabase + " WITH (FORCE)");
            }
        }
    }

    /** The whole verification: read every record in batches, recompute its HMAC, check the links and the head. */
    @Benchmark
    public ChainVerification verify() {
        return verifier.verify();
    }

    /** Baseline: read every record in the same batches, check nothing. */
    @Benchmark
    public long readOnly() {
        long after = 0;
        long seen = 0;
        while (true) {
            List<AuditRecord> batch = auditRecords.batch(after, records, ChainVerifier.BATCH);
            if (batch.isEmpty()) {
                return seen;
            }
            seen += batch.size();
            after = batch.getLast().sequence();
        }
    }

    private SingleConnectionDataSource open() throws SQLException {
        if ("postgres".equals(database)) {
            scratchDatabase = "megacity_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + scratchDatabase);
            }
            return new SingleConnectionDataSource("jdbc:postgresql://127.0.0.1:5432/" + scratchDatabase, "postgres", "",
                    true);
        }
        return new SingleConnectionDataSource("jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa", "", true);
    }

}

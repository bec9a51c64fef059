package org.megacity.platform.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.megacity.platform.CliCommand;
import org.megacity.platform.DataDirectory;
import org.megacity.platform.DatabaseProduct;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code ./megacity backup [--data DIR] OUT}: a consistent copy of an installation while it runs.
 * On the embedded H2 database it asks H2 for an online copy ({@code BACKUP TO}, over the
 * {@code AUTO_SERVER} connection when the server holds the database) and writes it with the data
 * directory's files into {@code OUT}, and the secrets into {@code OUT.keys} (see
 * {@link BackupArchive}). On PostgreSQL the database is the operator's to dump
 * ({@code pg_dump}, docs/operations.md); the command then writes the same two files without the
 * database, since a dump cannot be read without the keys.
 */
@Component
class BackupCommand implements CliCommand {

    private final DataDirectory data;
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    BackupCommand(DataDirectory data, DataSource dataSource, JdbcClient jdbc) {
        this.data = data;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String synopsis() {
        return "[--data DIR] OUT";
    }

    @Override
    public String summary() {
        return "Back up the installation while it runs: OUT (database, files) and OUT.keys (secrets), mode 0600";
    }

    @Override
    public int run(Invocation invocation) throws IOException, SQLException {
        Path out = Path.of(invocation.argument(0, "OUT")).toAbsolutePath().normalize();
        Path keys = Path.of(out + BackupArchive.KEYS_SUFFIX);
        for (Path target : List.of(out, keys)) {
            if (Files.exists(target)) {
                invocation.err().println("megacity backup: " + target + " exists; a backup never overwrites a file");
                return 2;
            }
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        boolean h2 = h2();
        Properties manifest = new Properties();
        manifest.setProperty("format", BackupArchive.FORMAT);
        manifest.setProperty("id", UUID.randomUUID().toString());
        manifest.setProperty("created", Instant.now().toString());
        manifest.setProperty("database", h2 ? "h2" : "postgresql");
        manifest.setProperty("schema", jdbc.sql("select coalesce(max(installed_rank), 0) from flyway_schema_history where success")
                .query(Long.class).single() + ":" + jdbc.sql("select version from flyway_schema_history where success "
                + "order by installed_rank desc limit 1").query(String.class).optional().orElse(""));

        Path root = data.root();
        List<String> secrets = BackupArchive.files(root, BackupArchive::secret);
        List<String> plain = BackupArchive.files(root, f -> !BackupArchive.secret(f) && !BackupArchive.leftOut(f)
                && !root.resolve(f).equals(out) && !root.resolve(f).equals(keys));
        Path h2Copy = null;
        boolean written = false;
        try {
            long databaseBytes = 0;
            if (h2) {
                // in a private directory beside OUT: the copy holds the whole database until it is packed
                Path scratch = Files.createTempDirectory(out.getParent(), ".megacity-backup-");
                if (scratch.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(scratch, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
                }
                h2Copy = scratch.resolve("megacity-h2.zip");
                try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
                    // H2 copies the database file page by page under its own lock: consistent while it is in use
                    s.execute("BACKUP TO '" + h2Copy.toString().replace("'", "''") + "'");
                }
                databaseBytes = Files.size(h2Copy);
            }
            try (OutputStream file = BackupArchive.createPrivate(out); ZipOutputStream zip = new ZipOutputStream(file)) {
                BackupArchive.putManifest(zip, manifest);
                if (h2Copy != null) {
                    BackupArchive.putDatabase(zip, h2Copy);
                }
                for (String f : plain) {
                    BackupArchive.putFile(zip, root, f);
                }
            }
            try (OutputStream file = BackupArchive.createPrivate(keys); ZipOutputStream zip = new ZipOutputStream(file)) {
                BackupArchive.putManifest(zip, manifest);
                for (String f : secrets) {
                    BackupArchive.putFile(zip, root, f);
                }
            }
            written = true;
            invocation.out().printf("ok: backup %s: %s (%s, %d other files) and %s (%d secrets), mode 0600%n",
                    manifest.getProperty("id"), out, h2 ? "the embedded database, " + databaseBytes / 1024 + " KiB compressed"
                            : "no database: dump PostgreSQL with pg_dump, see docs/operations.md", plain.size(), keys,
                    secrets.size());
            invocation.out().println("   keep " + keys.getFileName() + " apart from " + out.getFileName()
                    + ": together they read every personal field and could rewrite the audit chain");
            return 0;
        } finally {
            if (h2Copy != null) {
                Files.deleteIfExists(h2Copy);
                Files.deleteIfExists(h2Copy.getParent());
            }
            if (!written) {
                Files.deleteIfExists(out);
                Files.deleteIfExists(keys);
            }
        }
    }

    private boolean h2() {
        return DatabaseProduct.of(dataSource) == DatabaseProduct.H2;
    }
}

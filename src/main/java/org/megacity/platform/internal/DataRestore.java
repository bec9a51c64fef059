package org.megacity.platform.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.megacity.platform.CommandLine;

/**
 * The first half of {@code ./megacity restore [--data DIR] [--keys FILE] IN}, run before the
 * application starts (which would otherwise create a fresh database and fresh keys in the data
 * directory): checks that the two files of one backup are at hand and that the data directory is
 * empty or absent, and unpacks them into it. The application then starts on the restored directory
 * and {@link RestoreCommand} reports what it found, which also records the restore in the restored
 * audit trail.
 */
public final class DataRestore {

    private DataRestore() {
    }

    /** Unpacks the backup the command line names; returns 0, or the exit code of a refusal. */
    public static int unpack(CommandLine line, PrintStream out, PrintStream err) {
        if (line.words().size() != 2) {
            err.println("usage: ./megacity restore [--data DIR] [--keys FILE] IN");
            return 2;
        }
        Path in = Path.of(line.words().get(1)).toAbsolutePath().normalize();
        Path keys = Path.of(line.option("keys").orElse(in + BackupArchive.KEYS_SUFFIX)).toAbsolutePath().normalize();
        Path data = Path.of(line.option("data").orElse("./data")).toAbsolutePath().normalize();
        try {
            for (Path f : new Path[] {in, keys}) {
                if (!Files.isRegularFile(f)) {
                    err.println("megacity restore: " + f + " does not exist" + (f.equals(keys)
                            ? " (the backup's secrets; name it with --keys FILE)" : ""));
                    return 2;
                }
            }
            Properties manifest = BackupArchive.manifest(in);
            Properties keysManifest = BackupArchive.manifest(keys);
            if (!BackupArchive.FORMAT.equals(manifest.getProperty("format"))) {
                err.println("megacity restore: " + in + " has backup format " + manifest.getProperty("format")
                        + "; this version reads format " + BackupArchive.FORMAT);
                return 2;
            }
            if (!manifest.getProperty("id", "").equals(keysManifest.getProperty("id"))) {
                err.println("megacity restore: " + keys + " belongs to backup " + keysManifest.getProperty("id")
                        + ", not to " + manifest.getProperty("id") + " (" + in + ")");
                return 2;
            }
            String external = System.getenv("MEGACITY_DB_URL");
            if ("h2".equals(manifest.getProperty("database")) && external != null && !external.isBlank()) {
                err.println("megacity restore: this backup holds an embedded database, but MEGACITY_DB_URL names another;"
                        + " unset it to restore the embedded one");
                return 2;
            }
            if (Files.exists(data) && !empty(data)) {
                err.println("megacity restore: " + data + " is not empty; a backup is restored only into an empty "
                        + "data directory (move the old one away, or name a new one with --data DIR)");
                return 2;
            }
            boolean created = !Files.exists(data);
            BackupArchive.createPrivateDirectories(data, data);
            try {
                int files = BackupArchive.extract(in, data) + BackupArchive.extract(keys, data);
                out.printf("restore: backup %s of %s (%s) unpacked into %s: %d files%n", manifest.getProperty("id"),
                        manifest.getProperty("created"), manifest.getProperty("database"), data, files);
            } catch (IOException | RuntimeException e) {
                clear(data, created);
                throw e;
            }
            if ("postgresql".equals(manifest.getProperty("database"))) {
                out.println("restore: the database is not in this backup: restore the pg_dump taken with it "
                        + "(pg_restore, docs/operations.md) and point MEGACITY_DB_URL at it");
            }
            return 0;
        } catch (IOException e) {
            err.println("megacity restore: " + e.getMessage());
            return 1;
        }
    }

    private static boolean empty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void clear(Path data, boolean created) throws IOException {
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (created || !p.equals(data)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}

package org.megacity.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The two files of a backup and what goes where. {@code OUT} holds the database (H2's own online
 * copy, {@code db/megacity.mv.db}) and the data directory's plain files (calendar, catalogue
 * overrides); {@code OUT.keys} holds the secrets: {@code keys/} (the embedded database's password,
 * the field-encryption keys, the audit HMAC key) and the one-time password files. Both are written
 * with mode 0600 and refuse to overwrite. They are separate so that they can be kept apart: the
 * field keys protect personal data in the database copy, and the audit key keeps the chain
 * unforgeable, only as long as whoever holds the one does not also hold the other.
 *
 * <p>Each file starts with {@code megacity-backup.properties}: the format, the backup's id (the
 * two files of one backup share it), when it was taken, the database kind and schema version.
 */
final class BackupArchive {

    static final String MANIFEST = "megacity-backup.properties";
    static final String KEYS_SUFFIX = ".keys";
    static final String FORMAT = "1";

    private BackupArchive() {
    }

    /** Whether a data directory file (relative, with '/') is a secret that goes to the keys file. */
    static boolean secret(String relative) {
        return relative.startsWith("keys/") || relative.matches("initial-[a-z-]*password") || relative.startsWith("reset-password-");
    }

    /** Whether a data directory file is left out of both: the live database, locks, temporary files. */
    static boolean leftOut(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        return relative.startsWith("db/") || name.endsWith(".lock.db") || name.endsWith(".trace.db")
                || name.startsWith(".secret") || name.startsWith(".private") || name.endsWith(".tmp");
    }

    /** The data directory's files (relative paths with '/') that the predicate accepts, sorted. */
    static List<String> files(Path root, Predicate<String> accept) throws IOException {
        List<String> result = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                String relative = root.relativize(p).toString().replace('\\', '/');
                if (accept.test(relative)) {
                    result.add(relative);
                }
            }
        }
        return result;
    }

    /** Creates {@code file} with mode 0600; fails when it exists. */
    static OutputStream createPrivate(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        return Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING);
    }

    static void putManifest(ZipOutputStream zip, Properties manifest) throws IOException {
        StringWriter text = new StringWriter();
        manifest.store(text, "Megacity Governance Platform backup");
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static void putFile(ZipOutputStream zip, Path root, String relative) throws IOException {
        zip.putNextEntry(new ZipEntry(relative));
        Files.copy(root.resolve(relative), zip);
        zip.closeEntry();
    }

    /** Reads an archive's manifest. */
    static Properties manifest(Path archive) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(MANIFEST)) {
                    Properties p = new Properties();
                    p.load(new StringReader(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                    return p;
                }
            }
        }
        throw new IOException(archive + " is not a megacity backup (no " + MANIFEST + ")");
    }

    /**
     * Extracts every entry but the manifest under {@code target}, files with mode 0600 and
     * directories 0700; refuses entries that would land outside it.
     *
     * @return the number of files written
     */
    static int extract(Path archive, Path target) throws IOException {
        int count = 0;
        Path root = target.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(MANIFEST) || e.isDirectory()) {
                    continue;
                }
                Path file = root.resolve(e.getName()).normalize();
                if (!file.startsWith(root) || file.equals(root)) {
                    throw new IOException(archive + ": entry " + e.getName() + " lies outside the data directory");
                }
                createPrivateDirectories(root, file.getParent());
                try (OutputStream out = createPrivate(file)) {
                    zip.transferTo(out);
                } catch (FileAlreadyExistsException twice) {
                    throw new IOException(archive + ": entry " + e.getName() + " appears twice");
                }
                count++;
            }
        }
        return count;
    }

    static void createPrivateDirectories(Path root, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (!dir.equals(root) && dir.getParent() != null) {
            createPrivateDirectories(root, dir.getParent());
        }
        Files.createDirectories(dir);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, Set.copyOf(PosixFilePermissions.fromString("rwx------")));
        }
    }

    /** Copies every entry of H2's backup zip into ours under {@code db/}. */
    static void putDatabase(ZipOutputStream zip, Path h2Backup) throws IOException {
        try (InputStream in = Files.newInputStream(h2Backup); ZipInputStream h2 = new ZipInputStream(in)) {
            for (ZipEntry e; (e = h2.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    zip.putNextEntry(new ZipEntry("db/" + e.getName()));
                    h2.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
    }
}

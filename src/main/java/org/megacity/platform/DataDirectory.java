package org.megacity.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The directory that holds everything an installation keeps on disk: the embedded database, keys,
 * the initial administrator password. It is created with owner-only permissions; secrets in it are
 * written once with mode 0600 and never logged.
 */
public final class DataDirectory {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    public DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Creates the directory (mode 0700) if it does not exist and returns it. */
    public static DataDirectory prepare(Path root) {
        DataDirectory directory = new DataDirectory(root);
        directory.createPrivateDirectory(directory.root);
        return directory;
    }

    public Path root() {
        return root;
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /**
     * Returns the secret stored at {@code relative}, first creating it from {@code generator} with
     * mode 0600 when it does not exist. Creation is atomic: two processes starting together agree.
     */
    public byte[] secret(String relative, Supplier<byte[]> generator) {
        Path file = resolve(relative);
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            createPrivateDirectory(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".secret", ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.write(temp, generator.get(), StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: theirs is the secret
            } finally {
                Files.deleteIfExists(temp);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create secret " + file, e);
        }
    }

    /** Writes a private file (mode 0600), replacing what was there. */
    public void writePrivate(String relative, byte[] content) {
        Path file = resolve(relative);
        try {
            createPrivateDirectory(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".private", ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.write(temp, content, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A random hexadecimal string of {@code bytes} random bytes, for generated secrets. */
    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private void createPrivateDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(dir, Set.copyOf(PosixFilePermissions.fromString("rwx------")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
    }
}

package org.megacity.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.megacity.platform.DataDirectory;

/**
 * The data-encryption keys: 256-bit AES keys in {@code <data>/keys/field-key-<n>.key} (mode 0600),
 * numbered from 1; the highest number is the active key, the others still decrypt. The first key
 * is created at first start; {@code ./megacity keys rotate} adds the next. Creating a key never
 * replaces a file, so two processes rotating together agree on the same new key.
 *
 * <p>A node that meets a value sealed under a key it has not loaded (rotated by another process)
 * reads the directory again before giving up.
 */
final class FieldKeys {

    static final String DIRECTORY = "keys";
    private static final Pattern FILE = Pattern.compile("field-key-(\\d+)\\.key");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataDirectory data;
    private volatile TreeMap<Integer, SecretKey> keys;

    FieldKeys(DataDirectory data) {
        this.data = data;
        this.keys = load();
        if (keys.isEmpty()) {
            create(1);
            this.keys = load();
        }
    }

    int activeId() {
        return keys.lastKey();
    }

    SecretKey active() {
        return keys.lastEntry().getValue();
    }

    /** The key with this id, reloading the directory once if it is not known yet; null if there is none. */
    SecretKey byId(int id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            keys = load();
            key = keys.get(id);
        }
        return key;
    }

    /** Adds a key numbered one above the highest and makes it the active one; returns its id. */
    int rotate() {
        int next = load().lastKey() + 1;
        create(next);
        keys = load();
        return next;
    }

    private void create(int id) {
        data.secret(DIRECTORY + "/field-key-" + id + ".key", () -> {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            return key;
        });
    }

    private TreeMap<Integer, SecretKey> load() {
        Path dir = data.resolve(DIRECTORY);
        TreeMap<Integer, SecretKey> found = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = FILE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    byte[] bytes = Files.readAllBytes(file);
                    if (bytes.length != 32) {
                        throw new IllegalStateException(file + " holds " + bytes.length + " bytes; an AES-256 key has 32");
                    }
                    found.put(Integer.parseInt(m.group(1)), new SecretKeySpec(bytes, "AES"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keys in " + dir, e);
        }
        return found;
    }

    Map<Integer, SecretKey> all() {
        return Map.copyOf(keys);
    }
}

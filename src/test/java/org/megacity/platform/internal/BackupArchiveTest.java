package org.megacity.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes into which file of a backup, and what a restore refuses to unpack. */
class BackupArchiveTest {

    @TempDir
    Path temp;

    @Test
    void theKeysAndOneTimePasswordsAreSecretsAndTheLiveDatabaseGoesNowhere() {
        assertThat(BackupArchive.secret("keys/field-key-1.key")).isTrue();
        assertThat(BackupArchive.secret("keys/audit-hmac.key")).isTrue();
        assertThat(BackupArchive.secret("keys/h2-password")).isTrue();
        assertThat(BackupArchive.secret("initial-admin-password")).isTrue();
        assertThat(BackupArchive.secret("initial-security-admin-password")).isTrue();
        assertThat(BackupArchive.secret("reset-password-zhang.san")).isTrue();
        assertThat(BackupArchive.secret("worktime/2027.csv")).isFalse();
        assertThat(BackupArchive.leftOut("db/megacity.mv.db")).isTrue();
        assertThat(BackupArchive.leftOut("db/megacity.lock.db")).isTrue();
        assertThat(BackupArchive.leftOut("keys/.secret123.tmp")).isTrue();
        assertThat(BackupArchive.leftOut("cases/categories.csv")).isFalse();
    }

    @Test
    void anEntryThatWouldLandOutsideTheDataDirectoryIsRefused() throws IOException {
        Path archive = archive("../outside.txt");
        Path data = temp.resolve("data");
        Files.createDirectories(data);
        assertThatThrownBy(() -> BackupArchive.extract(archive, data)).hasMessageContaining("outside the data directory");
        assertThat(temp.resolve("outside.txt")).doesNotExist();
    }

    @Test
    void unpackedFilesAreOwnerOnly() throws IOException {
        Path archive = archive("keys/field-key-1.key");
        Path data = temp.resolve("data");
        assertThat(BackupArchive.extract(archive, data)).isEqualTo(1);
        assertThat(Files.getPosixFilePermissions(data.resolve("keys/field-key-1.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(data.resolve("keys"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aBackupFileIsNeverOverwritten() throws IOException {
        Path existing = Files.writeString(temp.resolve("backup.zip"), "older backup");
        assertThatThrownBy(() -> BackupArchive.createPrivate(existing)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(existing)).isEqualTo("older backup");
    }

    private Path archive(String entry) throws IOException {
        Path archive = temp.resolve("archive-" + System.nanoTime() + ".zip");
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        return archive;
    }
}

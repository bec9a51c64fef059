package org.megacity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.file.Files;
import java.util.Base64;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megacity.platform.DataDirectory;

/** Properties of AES-256-GCM field encryption, for arbitrary text. */
class FieldEncryptionProperties {

    @TempDir
    Path dir;

    DataDirectory data;
    AesGcmFieldCipher cipher;

    @BeforeEach
    void keys() {
        data = DataDirectory.prepare(dir);
        cipher = new AesGcmFieldCipher(data);
    }

    @Test
    void everyTextDecryptsToItself() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 200))
                .checkAssert(text -> {
                    if (wellFormed(text)) {
                        assertThat(cipher.decrypt(cipher.encrypt(text))).isEqualTo(text);
                    } else {
                        assertThatThrownBy(() -> cipher.encrypt(text)).isInstanceOf(IllegalArgumentException.class)
                                .hasMessageContaining("not valid Unicode");
                    }
                });
        qt().withExamples(500).forAll(strings().numericBetween(10_000_000, 99_999_999))
                .checkAssert(text -> assertThat(cipher.decrypt(cipher.encrypt("138" + text))).isEqualTo("138" + text));
    }

    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theSameTextEncryptsDifferentlyEachTimeAndNamesItsKey() {
        qt().withExamples(500).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 40))
                .checkAssert(text -> {
                    String a = cipher.encrypt(text);
                    String b = cipher.encrypt(text);
                    assertThat(a).isNotEqualTo(b).startsWith("v1.1.");
                    if (text.length() >= 12) { // (a shorter text could turn up in random base64 by chance)
                        assertThat(a).doesNotContain(text);
                    }
                });
    }

    @Test
    void anyAlteredBitIsRejected() {
        qt().withExamples(500).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 40),
                integers().allPositive()).checkAssert((text, position) -> {
                    String sealed = cipher.encrypt(text);
                    int dot = sealed.lastIndexOf('.') + 1;
                    byte[] body = Base64.getUrlDecoder().decode(sealed.substring(dot));
                    int bit = position % (body.length * 8);
                    body[bit / 8] ^= (byte) (1 << (bit % 8));
                    String altered = sealed.substring(0, dot) + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
                    assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("fails authentication");
                });
    }

    @Test
    void keysRotateAndOldValuesStillDecryptAndReencryptUnderTheNewKey() throws Exception {
        String old = cipher.encrypt("13812341234");
        assertThat(Files.exists(data.resolve("keys/field-key-1.key"))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys/field-key-1.key"))))
                .isEqualTo("rw-------");

        // another process (./megacity keys rotate) adds key 2
        assertThat(new AesGcmFieldCipher(data).rotate()).isEqualTo(2);
        AesGcmFieldCipher restarted = new AesGcmFieldCipher(data);
        assertThat(restarted.encrypt("x")).startsWith("v1.2.");
        assertThat(restarted.isCurrent(old)).isFalse();
        String moved = restarted.reencrypt(old);
        assertThat(moved).startsWith("v1.2.");
        assertThat(restarted.decrypt(moved)).isEqualTo("13812341234");
        assertThat(restarted.reencrypt(moved)).isSameAs(moved);
        // the running instance meets a value under the key it has not loaded yet
        assertThat(cipher.decrypt(moved)).isEqualTo("13812341234");
        assertThat(cipher.decrypt(old)).isEqualTo("13812341234");
    }

    @Test
    void swappingTheKeyIdIsDetectedAndGarbageIsRefused() {
        new AesGcmFieldCipher(data).rotate();
        String sealed = cipher.encrypt("张三");
        String otherKey = sealed.replaceFirst("^v1\\.\\d+\\.", "v1.1.");
        if (!otherKey.equals(sealed)) {
            assertThatThrownBy(() -> cipher.decrypt(otherKey)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> cipher.decrypt("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1.9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                .hasMessageContaining("key 9");
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
    }
}

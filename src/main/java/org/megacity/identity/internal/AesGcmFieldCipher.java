package org.megacity.identity.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.megacity.identity.FieldCipher;
import org.megacity.platform.DataDirectory;
import org.springframework.stereotype.Component;

/**
 * {@link FieldCipher} with AES-256-GCM from the Java platform. Each value gets a fresh random
 * 96-bit IV (NIST SP 800-38D, 8.2.2: random IVs keep the collision risk negligible below 2^32
 * encryptions per key; rotate keys well before that). The version and key id are bound to the
 * ciphertext as additional authenticated data, so they cannot be swapped either.
 */
@Component
class AesGcmFieldCipher implements FieldCipher {

    static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final FieldKeys keys;

    @org.springframework.beans.factory.annotation.Autowired
    AesGcmFieldCipher(DataDirectory data) {
        this(new FieldKeys(data));
    }

    AesGcmFieldCipher(FieldKeys keys) {
        this.keys = keys;
    }

    @Override
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        int keyId = keys.activeId();
        SecretKey key = keys.byId(keyId);
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        String header = VERSION + "." + keyId;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(utf8(plaintext));
            return header + "." + ENCODER.encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** The text's UTF-8 bytes; refuses text that is not Unicode (an unpaired surrogate) rather than store a '?'. */
    private static byte[] utf8(String text) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the text is not valid Unicode (it holds an unpaired surrogate)");
        }
    }

    @Override
    public String decrypt(String sealed) {
        if (sealed == null) {
            return null;
        }
        Parsed p = parse(sealed);
        SecretKey key = keys.byId(p.keyId);
        if (key == null) {
            throw new IllegalArgumentException("the value was sealed under key " + p.keyId
                    + ", which is not in the key directory");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, p.body, 0, IV_BYTES));
            cipher.updateAAD(p.header.getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(p.body, IV_BYTES, p.body.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed value fails authentication: it was altered, or sealed "
                    + "under another installation's key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    @Override
    public String reencrypt(String sealed) {
        if (sealed == null || isCurrent(sealed)) {
            return sealed;
        }
        return encrypt(decrypt(sealed));
    }

    @Override
    public boolean isCurrent(String sealed) {
        return parse(sealed).keyId == keys.activeId();
    }

    private record Parsed(String header, int keyId, byte[] body) {
    }

    private static Parsed parse(String sealed) {
        int first = sealed.indexOf('.');
        int second = first < 0 ? -1 : sealed.indexOf('.', first + 1);
        if (first < 0 || second < 0 || !sealed.substring(0, first).equals(VERSION)) {
            throw new IllegalArgumentException("not a sealed value (expected v1.<key>.<data>)");
        }
        int keyId;
        byte[] body;
        try {
            keyId = Integer.parseInt(sealed.substring(first + 1, second));
            body = DECODER.decode(sealed.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a sealed value (bad key id or data)");
        }
        if (body.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("not a sealed value (too short)");
        }
        return new Parsed(sealed.substring(0, second), keyId, body);
    }

    /** Adds a new active key (see {@link FieldKeys#rotate}). */
    int rotate() {
        return keys.rotate();
    }
}

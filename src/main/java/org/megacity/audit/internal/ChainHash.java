package org.megacity.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hashes of the chain. A record's hash is HMAC-SHA256 with the installation's audit key
 * over an unambiguous encoding of its fields: the sequence and the time in milliseconds as 8-byte
 * integers, then each text field (actor, roles, action, object, result, source, previous hash) as
 * a 4-byte length and its UTF-8 bytes. Being keyed, a chain cannot be rewritten consistently by
 * someone who can change the database but cannot read the key file.
 *
 * <p>Not thread-safe ({@link Mac} is not): one instance per thread or per verification.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final Mac mac;
    private final ByteBuffer number = ByteBuffer.allocate(8);

    ChainHash(byte[] key) {
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java platform", e);
        }
    }

    String of(long sequence, Instant time, String actor, String roles, String action, String object, String result,
            String source, String previousHash) {
        number(sequence);
        number(time.toEpochMilli());
        text(actor);
        text(roles);
        text(action);
        text(object);
        text(result);
        text(source);
        text(previousHash);
        return HEX.formatHex(mac.doFinal());
    }

    String of(AuditRecord r) {
        return of(r.sequence(), r.time(), r.actor(), r.roles(), r.action(), r.object(), r.result(), r.source(),
                r.previousHash());
    }

    /** The HMAC that seals the chain head, so it cannot be set back by hand to hide a deleted tail. */
    String head(long lastSequence, String lastHash) {
        text("head");
        number(lastSequence);
        text(lastHash);
        return HEX.formatHex(mac.doFinal());
    }

    /** Compares two hashes in constant time. */
    static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private void number(long value) {
        number.clear();
        number.putLong(value);
        mac.update(number.array());
    }

    private void text(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        number.clear();
        number.putInt(bytes.length);
        mac.update(number.array(), 0, 4);
        mac.update(bytes);
    }
}

package org.megacity.audit.internal;

import java.security.SecureRandom;
import org.megacity.platform.DataDirectory;
import org.springframework.stereotype.Component;

/**
 * The installation's audit key: 256 random bits in {@code <data>/keys/audit-hmac.key} (mode 0600),
 * created at first start. Every node of an installation needs the same file; without it the chain
 * can be neither extended nor verified, so it belongs in the backup (kept apart from the database
 * backup, or the key protects nothing).
 */
@Component
class AuditKey {

    static final String FILE = "keys/audit-hmac.key";

    private final byte[] key;

    AuditKey(DataDirectory data) {
        this.key = data.secret(FILE, () -> {
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            return k;
        });
        if (key.length < 32) {
            throw new IllegalStateException(data.resolve(FILE) + " holds " + key.length
                    + " bytes; an audit key has 32");
        }
    }

    ChainHash newHash() {
        return new ChainHash(key);
    }
}

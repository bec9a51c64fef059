package org.megacity.audit.internal;

import java.time.Instant;

/**
 * One record of the trail as stored.
 *
 * @param sequence     1, 2, 3, … without gaps
 * @param time         when it was appended, to the millisecond
 * @param previousHash the hash of record {@code sequence - 1} (64 zeros for the first)
 * @param hash         HMAC-SHA256 over all the other fields ({@link ChainHash})
 */
record AuditRecord(long sequence, Instant time, String actor, String roles, String action, String object,
        String result, String source, String previousHash, String hash) {
}

package org.megacity.audit.internal;

import java.util.List;
import org.megacity.audit.internal.ChainVerification.Broken;
import org.megacity.audit.internal.ChainVerification.Intact;
import org.megacity.audit.internal.ChainVerification.Reason;
import org.springframework.stereotype.Service;

/**
 * Checks the chain from the first record to the head, streaming it in batches of
 * {@value #BATCH} records by sequence (keyset paging: constant memory, no long-open cursor, and
 * appends may go on meanwhile: the check covers the records up to the head as read at its start).
 * It reports the first problem: a missing sequence number, a record whose content or hash was
 * altered, a broken link, a truncated tail, or a head changed by hand.
 */
@Service
class ChainVerifier {

    static final int BATCH = 10_000;

    private final AuditRecords records;
    private final AuditKey key;

    ChainVerifier(AuditRecords records, AuditKey key) {
        this.records = records;
        this.key = key;
    }

    ChainVerification verify() {
        ChainHash hash = key.newHash();
        AuditRecords.Head head = records.head();
        if (head == null) {
            return new Broken(1, Reason.MISSING_HEAD, "the chain head row is missing");
        }
        long expected = 1;
        String previousHash = ChainHash.GENESIS;
        long after = 0;
        while (true) {
            List<AuditRecord> batch = records.batch(after, head.lastSequence(), BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (AuditRecord r : batch) {
                if (r.sequence() != expected) {
                    return new Broken(expected, Reason.MISSING_RECORD, "record " + expected + " is missing"
                            + (r.sequence() - expected > 1 ? " (and up to " + (r.sequence() - 1) + ")" : "")
                            + "; the next present record is " + r.sequence());
                }
                String recomputed = hash.of(r);
                if (!ChainHash.same(recomputed, r.hash())) {
                    return altered(r, recomputed, head);
                }
                if (!ChainHash.same(r.previousHash(), previousHash)) {
                    return new Broken(r.sequence(), Reason.BROKEN_LINK, "record " + r.sequence()
                            + " does not link to the hash of record " + (r.sequence() - 1));
                }
                previousHash = r.hash();
                expected++;
            }
            after = batch.getLast().sequence();
        }
        long last = expected - 1;
        if (head.lastSequence() > 0 && !ChainHash.same(head.mac(), hash.head(head.lastSequence(), head.lastHash()))) {
            return new Broken(head.lastSequence(), Reason.ALTERED_HEAD,
                    "the chain head was changed outside the audit trail (its HMAC does not match)");
        }
        if (last < head.lastSequence()) {
            return new Broken(last + 1, Reason.TRUNCATED_TAIL, "the chain ends at record " + last
                    + " but the head says it has " + head.lastSequence() + ": the last "
                    + (head.lastSequence() - last) + " record(s) were deleted");
        }
        if (!ChainHash.same(previousHash, head.lastHash())) {
            return new Broken(last, Reason.ALTERED_HEAD, "the chain head's hash does not match record " + last);
        }
        return new Intact(last);
    }

    /**
     * Tells an altered record's content from an altered stored hash: if the next record (or the
     * head, for the last one) still links to the hash the content gives, only the stored hash was
     * changed.
     */
    private ChainVerification altered(AuditRecord r, String recomputed, AuditRecords.Head head) {
        String linkedFromNext;
        if (r.sequence() == head.lastSequence()) {
            linkedFromNext = head.lastHash();
        } else {
            List<AuditRecord> next = records.batch(r.sequence(), r.sequence() + 1, 1);
            linkedFromNext = next.isEmpty() ? null : next.getFirst().previousHash();
        }
        if (ChainHash.same(linkedFromNext, recomputed)) {
            return new Broken(r.sequence(), Reason.ALTERED_HASH, "the stored hash of record " + r.sequence()
                    + " was changed; its content is intact");
        }
        return new Broken(r.sequence(), Reason.ALTERED_CONTENT, "the content of record " + r.sequence()
                + " was changed after it was written (it no longer matches its hash)");
    }
}

package org.megacity.audit.internal;

/** The result of checking the whole chain. */
sealed interface ChainVerification {

    /** Every record from 1 to {@code records} is present, unaltered and linked, and the head agrees. */
    record Intact(long records) implements ChainVerification {
    }

    /**
     * The first place where the chain is broken.
     *
     * @param sequence the sequence number of the first broken (or missing) record
     * @param reason   what is wrong
     * @param detail   an explanation for the operator
     */
    record Broken(long sequence, Reason reason, String detail) implements ChainVerification {
    }

    /** What can be wrong with a chain, as reported (codes are stable). */
    enum Reason {
        /** A record's content no longer matches its hash (its stored hash is still the one the next record links to). */
        ALTERED_CONTENT("altered-content"),
        /** A record's stored hash was changed (its content still hashes to what the next record links to). */
        ALTERED_HASH("altered-hash"),
        /** A record does not link to the hash of the record before it. */
        BROKEN_LINK("broken-link"),
        /** A sequence number is absent: a record was deleted. */
        MISSING_RECORD("missing-record"),
        /** The last records are gone: the head says there were more. */
        TRUNCATED_TAIL("truncated-tail"),
        /** The head row was changed by hand (its HMAC or its hash does not match). */
        ALTERED_HEAD("altered-head"),
        /** The head row is gone. */
        MISSING_HEAD("missing-head");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}

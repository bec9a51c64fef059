package org.megacity.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    static final byte[] KEY = new byte[32];
    static final byte[] OTHER_KEY = new byte[32];
    static final Instant T = Instant.parse("2025-03-01T08:00:00.123Z");

    static {
        OTHER_KEY[0] = 1;
    }

    String hash(ChainHash h, String actor, String action) {
        return h.of(7, T, actor, "", action, "", "ok", "", ChainHash.GENESIS);
    }

    @Test
    void theHashDependsOnEveryFieldAndTheKey() {
        ChainHash h = new ChainHash(KEY);
        String base = hash(h, "zhang", "POST /x");
        assertThat(base).hasSize(64).isEqualTo(hash(h, "zhang", "POST /x"));
        assertThat(hash(h, "zhan", "POST /x")).isNotEqualTo(base);
        assertThat(h.of(8, T, "zhang", "", "POST /x", "", "ok", "", ChainHash.GENESIS)).isNotEqualTo(base);
        assertThat(h.of(7, T.plusMillis(1), "zhang", "", "POST /x", "", "ok", "", ChainHash.GENESIS)).isNotEqualTo(base);
        assertThat(h.of(7, T, "zhang", "", "POST /x", "", "ok", "", "1".repeat(64))).isNotEqualTo(base);
        assertThat(hash(new ChainHash(OTHER_KEY), "zhang", "POST /x")).isNotEqualTo(base);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        ChainHash h = new ChainHash(KEY);
        assertThat(hash(h, "ab", "c")).isNotEqualTo(hash(h, "a", "bc"));
    }

    @Test
    void theHeadSealDependsOnSequenceAndHash() {
        ChainHash h = new ChainHash(KEY);
        assertThat(h.head(5, "a".repeat(64))).isNotEqualTo(h.head(4, "a".repeat(64)))
                .isNotEqualTo(h.head(5, "b".repeat(64)));
    }
}

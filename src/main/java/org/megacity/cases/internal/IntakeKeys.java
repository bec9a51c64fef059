package org.megacity.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.megacity.platform.Digests;
import org.megacity.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The idempotency keys of reports (table {@code cases_intake_key}): which case a key filed within its
 * scope (an account, or an Open311 client), and a fingerprint of the report it came with. A key is
 * written with its case ({@link #TAKE}).
 * Keys are kept at least {@link #KEPT}; an hourly purge removes older ones.
 */
@Repository
class IntakeKeys {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeKeys.class);

    /** How long a key is kept at least: a retry later than this files a new case. */
    static final Duration KEPT = Duration.ofHours(24);

    /** The longest key taken (a UUID is 36 characters). */
    static final int MAX_LENGTH = 255;

    /** A key's first use: the fingerprint of its report and the case it filed. */
    record Use(String fingerprint, long caseId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    IntakeKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A key as sent, checked: visible ASCII characters, 1 to {@value #MAX_LENGTH} of them. The
     * quotes of a structured-field string ({@code "abc"}, as the IETF draft on the
     * {@code Idempotency-Key} header spells it) are taken off. Null or blank is no key.
     *
     * @param field what to name in the 400 when the key is malformed
     */
    static String checked(String field, String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String k = key.strip();
        if (k.length() >= 2 && k.startsWith("\"") && k.endsWith("\"")) {
            k = k.substring(1, k.length() - 1);
        }
        if (k.isEmpty() || k.length() > MAX_LENGTH || !k.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            throw Problems.invalid(field, "1 to " + MAX_LENGTH + " visible ASCII characters (a UUID will do)");
        }
        return k;
    }

    /**
     * The fingerprint of a report: SHA-256 of its fields other than the reporter's name, phone and
     * email (personal data: a hash of a phone number is easily reversed, so it is not stored even
     * hashed). A retry carries the same fields; a different report under a reused key almost never
     * does.
     */
    static String fingerprint(CaseService.NewCase in) {
        String joined = Stream.of(in.channel() == null ? null : in.channel().id(), in.category(), in.hotlineType(),
                        in.title(), in.description(), in.address(), in.lon(), in.lat(), in.componentCode(), in.sourceRef(),
                        in.mediaUrl())
                .map(v -> v == null ? "\u0000" : v.toString().strip().replace("\u001f", " "))
                .collect(Collectors.joining("\u001f"));
        return Digests.sha256Hex(joined);
    }

    Optional<Use> find(String scope, String key) {
        return jdbc.sql("select fingerprint, case_id from cases_intake_key where account_id = ? and intake_key = ?")
                .params(scope, key).query((rs, n) -> new Use(rs.getString(1), rs.getLong(2))).optional();
    }

    /**
     * Takes a key (scope, key, fingerprint, case, time): {@link CaseStore#insertReport} sends it with
     * the report, so the key and its case are written together or not at all. The primary key makes
     * a second use fail, once the first commits if it has not yet.
     */
    static final String TAKE = "insert into cases_intake_key (account_id, intake_key, fingerprint, case_id, created_at) "
            + "values (?, ?, ?, ?, ?)";

    /** Removes the keys taken before {@code before}; returns how many. */
    int purge(Instant before) {
        return jdbc.sql("delete from cases_intake_key where created_at < ?").param(CaseStore.ts(before)).update();
    }

    @Scheduled(fixedDelayString = "${megacity.cases.intake-key-purge-interval:1h}",
            initialDelayString = "${megacity.cases.intake-key-purge-interval:1h}")
    void purgeExpired() {
        try {
            int n = purge(clock.instant().minus(KEPT));
            if (n > 0) {
                LOG.info("{} report idempotency keys older than {} removed", n, KEPT);
            }
        } catch (RuntimeException e) {
            LOG.warn("purging report idempotency keys failed", e);
        }
    }
}

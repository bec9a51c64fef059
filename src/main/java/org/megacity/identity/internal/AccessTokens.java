package org.megacity.identity.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.megacity.identity.Actor;
import org.megacity.identity.IdentityEvent;
import org.megacity.platform.Digests;
import org.megacity.platform.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for API clients ({@code Authorization: Bearer mgc_...}). A token is
 * {@code mgc_} and 256 random bits in base64url (47 characters); only its SHA-256 is stored, so a
 * copy of the database yields no usable token. A plain hash (no salt, no slow hash) is enough
 * because the secret is random and long, and it lets a token be found by one indexed lookup.
 * Tokens expire (default 30 days, at most 365), can be revoked by their holder, and stop working
 * when their account is disabled.
 */
@Service
class AccessTokens {

    static final String PREFIX = "mgc_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    record Issued(String id, String name, String token, Instant expiresAt) {
    }

    record Listed(String id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
    }

    /** The outcome of presenting a token. */
    sealed interface Presented {
        record Valid(Account account) implements Presented {
        }

        record Invalid(String reason) implements Presented {
        }
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final IdentitySettings settings;
    private final ApplicationEventPublisher events;

    AccessTokens(JdbcClient jdbc, Accounts accounts, IdentitySettings settings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.settings = settings;
        this.events = events;
    }

    @Transactional
    public Issued issue(Account account, String name, Integer expiresInDays) {
        int days = expiresInDays == null ? settings.tokenDays() : expiresInDays;
        if (days < 1 || days > settings.tokenMaxDays()) {
            throw Problems.invalid("expiresInDays", "must be between 1 and " + settings.tokenMaxDays());
        }
        String label = name == null || name.isBlank() ? "token" : name.trim();
        if (label.length() > 100) {
            throw Problems.invalid("name", "at most 100 characters");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(Duration.ofDays(days));
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into identity_token (id, account_id, name, token_hash, created_at, expires_at)"
                        + " values (:id, :account, :name, :hash, :now, :expires)")
                .param("id", id).param("account", account.id()).param("name", label).param("hash", Digests.sha256Hex(token))
                .param("now", Accounts.time(now)).param("expires", Accounts.time(expiresAt)).update();
        events.publishEvent(new IdentityEvent.TokenIssued(id, account.id(), account.username(), expiresAt));
        return new Issued(id, label, token, expiresAt);
    }

    public List<Listed> of(String accountId) {
        return jdbc.sql("select id, name, created_at, expires_at, revoked_at, last_used_at from identity_token"
                        + " where account_id = :account order by created_at desc, id")
                .param("account", accountId)
                .query((rs, n) -> new Listed(rs.getString("id"), rs.getString("name"),
                        Accounts.instant(rs, "created_at"), Accounts.instant(rs, "expires_at"),
                        Accounts.instant(rs, "revoked_at"), Accounts.instant(rs, "last_used_at")))
                .list();
    }

    /** Revokes one of the actor's own tokens; 404 for a token that is not theirs. */
    @Transactional
    public void revoke(Actor by, String tokenId) {
        int changed = jdbc.sql("update identity_token set revoked_at = :now where id = :id and account_id = :account"
                        + " and revoked_at is null")
                .param("now", Accounts.time(Instant.now().truncatedTo(ChronoUnit.MILLIS))).param("id", tokenId)
                .param("account", by.accountId()).update();
        if (changed == 0) {
            boolean own = jdbc.sql("select count(*) from identity_token where id = :id and account_id = :account")
                    .param("id", tokenId).param("account", by.accountId()).query(Long.class).single() > 0;
            if (!own) {
                throw Problems.notFound("you hold no token with id " + tokenId);
            }
            return; // revoked before: revoking is idempotent
        }
        events.publishEvent(new IdentityEvent.TokenRevoked(tokenId, by.accountId(), by.username(), by.username()));
    }

    /**
     * Checks a presented token; publishes {@link IdentityEvent.LoginFailed} when it is refused. Runs
     * on every API request, so it takes no transaction: one indexed select of the token row (so a
     * revocation or expiry counts at once, on every node), the account from the short-lived
     * {@link Accounts#current cache}, and an update of {@code last_used_at} at most once a minute.
     */
    public Presented present(String token, String source) {
        if (token == null || !token.startsWith(PREFIX)) {
            return invalid("", "bad-token", source);
        }
        record Row(String id, String accountId, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
        }
        Row row = jdbc.sql("select id, account_id, expires_at, revoked_at, last_used_at from identity_token"
                        + " where token_hash = :hash")
                .param("hash", Digests.sha256Hex(token))
                .query((rs, n) -> new Row(rs.getString("id"), rs.getString("account_id"),
                        Accounts.instant(rs, "expires_at"), Accounts.instant(rs, "revoked_at"),
                        Accounts.instant(rs, "last_used_at")))
                .optional().orElse(null);
        if (row == null) {
            return invalid("", "bad-token", source);
        }
        Account account = accounts.current(row.accountId()).orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (row.revokedAt() != null) {
            return invalid(account.username(), "revoked-token", source);
        }
        if (!row.expiresAt().isAfter(now)) {
            return invalid(account.username(), "expired-token", source);
        }
        if (!account.enabled()) {
            return invalid(account.username(), "disabled", source);
        }
        if (row.lastUsedAt() == null || row.lastUsedAt().plus(LAST_USE_RESOLUTION).isBefore(now)) {
            jdbc.sql("update identity_token set last_used_at = :now where id = :id")
                    .param("now", Accounts.time(now)).param("id", row.id()).update();
        }
        return new Presented.Valid(account);
    }

    private Presented invalid(String username, String reason, String source) {
        events.publishEvent(new IdentityEvent.LoginFailed(username, "bearer", reason, source == null ? "" : source));
        return new Presented.Invalid(reason);
    }
}

package org.megacity.identity.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.megacity.identity.IdentityEvent.LoginFailed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a name and password, with the lockout of MLPS 2.0 level 3 ("登录失败处理"): after
 * {@code max-failed-logins} (5) consecutive failures the account is locked for {@code lockout}
 * (15 minutes). The count lives in the database, so the lock holds across nodes.
 *
 * <p>What a caller learns: nothing but "refused". An unknown name, a wrong password, a locked or
 * a disabled account all get the same answer, in about the same time (a hash is always checked),
 * so the answer tells an attacker neither which names exist nor which accounts are locked. While
 * locked, the password is not even checked, so a lockout cannot be used to keep guessing. The
 * login page says once and for all that repeated failures lock an account for 15 minutes; the
 * precise reason goes to the audit trail ({@link LoginFailed#reason()}), where administrators see
 * it.
 */
@Service
class SignIns {

    /** The outcome of a sign-in attempt. */
    sealed interface Attempt {
        record Accepted(Account account, boolean passwordChangeRequired) implements Attempt {
        }

        record Refused(String reason) implements Attempt {
        }
    }

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final IdentitySettings settings;
    private final ApplicationEventPublisher events;
    private volatile String dummyHash;

    SignIns(Accounts accounts, PasswordEncoder encoder, IdentitySettings settings, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.settings = settings;
        this.events = events;
    }

    /**
     * Checks the credentials and counts a failure against the account; publishes
     * {@link LoginFailed} when refused.
     *
     * @param method how they were presented ({@code form}, {@code basic}, {@code password-change})
     * @param source the client's address
     */
    @Transactional
    public Attempt attempt(String username, String password, String method, String source) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        String secret = password == null ? "" : password;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Account account = accounts.byUsername(name).orElse(null);
        if (account == null) {
            encoder.matches(secret, dummyHash());
            return refuse(name, method, "unknown-account", source);
        }
        if (account.lockedAt(now)) {
            encoder.matches(secret, dummyHash());
            return refuse(name, method, "locked", source);
        }
        if (!encoder.matches(secret, account.passwordHash())) {
            boolean locked = accounts.recordFailure(account.id(), settings.maxFailedLogins(),
                    now.plus(settings.lockout()));
            return refuse(name, method, locked ? "now-locked" : "bad-password", source);
        }
        if (!account.enabled()) {
            return refuse(name, method, "disabled", source);
        }
        accounts.clearFailures(account.id());
        if (encoder.upgradeEncoding(account.passwordHash())) {
            accounts.rehash(account.id(), encoder.encode(secret));
        }
        return new Attempt.Accepted(account, account.passwordChangeRequired(now, settings.passwordMaxAge()));
    }

    private Attempt refuse(String username, String method, String reason, String source) {
        events.publishEvent(new LoginFailed(username, method, reason, source == null ? "" : source));
        return new Attempt.Refused(reason);
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = encoder.encode(OneTimePasswords.generate());
            dummyHash = hash;
        }
        return hash;
    }
}

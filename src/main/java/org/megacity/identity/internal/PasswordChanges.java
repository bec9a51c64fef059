package org.megacity.identity.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.megacity.identity.IdentityEvent.PasswordChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A holder changing its own password, proving the current one: the only thing an account with a
 * one-time or expired password may do. The new password is checked against the policy before the
 * old one is, so a weak choice costs no attempt; a wrong current password counts toward the lockout
 * like a failed sign-in.
 */
@Service
class PasswordChanges {

    sealed interface Outcome {
        record Changed(Account account) implements Outcome {
        }

        /** The new password breaks these rules; nothing changed and no attempt was counted. */
        record Rejected(List<PasswordRule> rules) implements Outcome {
        }

        /** The name and current password were refused (same answer for every reason). */
        record Refused() implements Outcome {
        }
    }

    private final SignIns signIns;
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final InitialAdministrators initial;
    private final ApplicationEventPublisher events;

    PasswordChanges(SignIns signIns, Accounts accounts, PasswordEncoder encoder, InitialAdministrators initial,
            ApplicationEventPublisher events) {
        this.signIns = signIns;
        this.accounts = accounts;
        this.encoder = encoder;
        this.initial = initial;
        this.events = events;
    }

    @Transactional
    public Outcome change(String username, String currentPassword, String newPassword, String source) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        List<PasswordRule> broken = PasswordPolicy.violations(newPassword, name, currentPassword);
        if (!broken.isEmpty()) {
            return new Outcome.Rejected(broken);
        }
        if (!(signIns.attempt(name, currentPassword, "password-change", source)
                instanceof SignIns.Attempt.Accepted accepted)) {
            return new Outcome.Refused();
        }
        Account account = accepted.account();
        accounts.updatePassword(account.id(), encoder.encode(newPassword), false,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        events.publishEvent(new PasswordChanged(account.id(), account.username()));
        initial.firstPasswordChanged(account.username());
        return new Outcome.Changed(accounts.byId(account.id()).orElseThrow());
    }
}

package org.megacity.identity.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Builds and refreshes {@link AccountAuthentication}s from the stored accounts. */
@Component
class SignedInAccounts {

    private final Accounts accounts;
    private final IdentitySettings settings;

    SignedInAccounts(Accounts accounts, IdentitySettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    AccountAuthentication authentication(Account account, AccountAuthentication.Method method) {
        return new AccountAuthentication(account, method,
                account.passwordChangeRequired(Instant.now(), settings.passwordMaxAge()));
    }

    /**
     * The session's account as it is now, or empty when the session must end: the account was
     * disabled, or its password changed (reset by an administrator, or changed elsewhere) since the
     * session signed in.
     */
    Optional<AccountAuthentication> refresh(AccountAuthentication signedIn) {
        return accounts.current(signedIn.accountId())
                .filter(Account::enabled)
                .filter(a -> a.passwordChangedAt().equals(signedIn.passwordChangedAt()))
                .map(a -> authentication(a, signedIn.method()));
    }
}

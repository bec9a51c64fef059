package org.megacity.identity;

import java.time.Instant;
import java.util.Set;

/**
 * What happened to accounts, credentials and sessions, published by the identity module (the audit
 * trail records every one of them). Events about an account carry its id and name and, where an
 * administrator acted, who did it ({@code by}); the system itself is {@code "system"}.
 *
 * <p>Events are published inside the transaction that made the change, so a listener that writes
 * in that transaction (the audit trail does) commits with it or not at all.
 */
public sealed interface IdentityEvent {

    /** The login name of the account the event is about (for a failed login: the name tried). */
    String username();

    /** An administrator (or the first start) created an account with a one-time password. */
    record AccountCreated(String accountId, String username, String by) implements IdentityEvent {
    }

    record AccountDisabled(String accountId, String username, String by) implements IdentityEvent {
    }

    record AccountEnabled(String accountId, String username, String by) implements IdentityEvent {
    }

    /** The account's holder changed its password (proving the old one). */
    record PasswordChanged(String accountId, String username) implements IdentityEvent {
    }

    /** An administrator gave the account a new one-time password, to be changed at next login. */
    record PasswordReset(String accountId, String username, String by) implements IdentityEvent {
    }

    /** The security administrator set the account's roles; {@code roles} is the new set. */
    record RolesChanged(String accountId, String username, Set<Role> roles, String by) implements IdentityEvent {
        public RolesChanged {
            roles = Set.copyOf(roles);
        }
    }

    /** The security administrator set where the account may see and act. */
    record JurisdictionChanged(String accountId, String username, Jurisdiction jurisdiction, String by)
            implements IdentityEvent {
    }

    record TokenIssued(String tokenId, String accountId, String username, Instant expiresAt) implements IdentityEvent {
    }

    record TokenRevoked(String tokenId, String accountId, String username, String by) implements IdentityEvent {
    }

    /** An interactive sign-in (the login page) succeeded. */
    record LoggedIn(String accountId, String username, String source) implements IdentityEvent {
    }

    /**
     * A sign-in or credential check failed.
     *
     * @param username the name tried (it may name no account)
     * @param method   {@code "form"}, {@code "basic"}, {@code "bearer"} or {@code "password-change"}
     * @param reason   for the auditor only, never shown to the caller: {@code "unknown-account"},
     *                 {@code "bad-password"}, {@code "locked"} (the attempt fell into a lockout),
     *                 {@code "now-locked"} (this failure locked the account), {@code "disabled"},
     *                 {@code "bad-token"}, {@code "expired-token"}, {@code "revoked-token"}
     * @param source   the client's address, or empty
     */
    record LoginFailed(String username, String method, String reason, String source) implements IdentityEvent {
    }

    record LoggedOut(String accountId, String username, String source) implements IdentityEvent {
    }
}

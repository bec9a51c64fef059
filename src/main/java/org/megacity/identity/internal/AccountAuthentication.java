package org.megacity.identity.internal;

import java.io.Serial;
import java.time.Instant;
import java.util.List;
import org.megacity.identity.Actor;
import org.megacity.identity.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in account as Spring Security holds it. A session keeps only who signed in, how, and
 * when the password was last changed; every request re-reads the account from the database
 * ({@link CurrentAccountFilter}), so a disabled account, a changed role or a reset password take
 * effect at once, on every node.
 */
final class AccountAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    /** How the account proved itself. */
    enum Method {
        /** the login page; kept in the session */
        FORM,
        /** HTTP Basic, per request */
        BASIC,
        /** a personal access token, per request */
        BEARER
    }

    private final String accountId;
    private final String username;
    private final Method method;
    private final Instant passwordChangedAt;
    private final transient Actor actor;
    private final boolean passwordChangeRequired;

    AccountAuthentication(Account account, Method method, boolean passwordChangeRequired) {
        super(account.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
        this.accountId = account.id();
        this.username = account.username();
        this.method = method;
        this.passwordChangedAt = account.passwordChangedAt();
        this.actor = account.actor();
        this.passwordChangeRequired = passwordChangeRequired;
        setAuthenticated(true);
    }

    String accountId() {
        return accountId;
    }

    String username() {
        return username;
    }

    Method method() {
        return method;
    }

    Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    /** The actor as of the sign-in (or the last refresh). */
    Actor actor() {
        return actor;
    }

    boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountAuthentication other && super.equals(o) && accountId.equals(other.accountId)
                && method == other.method && passwordChangeRequired == other.passwordChangeRequired;
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + accountId.hashCode();
    }

    @Override
    public List<org.springframework.security.core.GrantedAuthority> getAuthorities() {
        return List.copyOf(super.getAuthorities());
    }
}

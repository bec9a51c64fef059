package org.megacity.audit.internal;

import java.util.stream.Collectors;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.IdentityEvent;
import org.megacity.identity.IdentityEvent.AccountCreated;
import org.megacity.identity.IdentityEvent.AccountDisabled;
import org.megacity.identity.IdentityEvent.AccountEnabled;
import org.megacity.identity.IdentityEvent.JurisdictionChanged;
import org.megacity.identity.IdentityEvent.LoggedIn;
import org.megacity.identity.IdentityEvent.LoggedOut;
import org.megacity.identity.IdentityEvent.LoginFailed;
import org.megacity.identity.IdentityEvent.PasswordChanged;
import org.megacity.identity.IdentityEvent.PasswordReset;
import org.megacity.identity.IdentityEvent.RolesChanged;
import org.megacity.identity.IdentityEvent.TokenIssued;
import org.megacity.identity.IdentityEvent.TokenRevoked;
import org.megacity.identity.Role;
import org.megacity.platform.CommandExecuted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what other modules announce: sign-ins and their failures, sign-outs, account and
 * credential changes (identity), and commands run on the command line (platform).
 *
 * <p>These listeners run synchronously, in the publisher's transaction when it has one: the
 * record commits together with the change it describes, or neither does. (An asynchronous
 * listener after commit would leave a window in which a change exists without its record.)
 */
@Component
class EventRecorder {

    private final AuditChain chain;
    private final CurrentActor currentActor;

    EventRecorder(AuditChain chain, CurrentActor currentActor) {
        this.chain = chain;
        this.currentActor = currentActor;
    }

    @EventListener
    void on(IdentityEvent event) {
        switch (event) {
            case AccountCreated e -> by(e.by(), "account.created", account(e.accountId(), e.username()), "ok");
            case AccountDisabled e -> by(e.by(), "account.disabled", account(e.accountId(), e.username()), "ok");
            case AccountEnabled e -> by(e.by(), "account.enabled", account(e.accountId(), e.username()), "ok");
            case PasswordChanged e -> by(e.username(), "account.password.changed", account(e.accountId(), e.username()),
                    "ok");
            case PasswordReset e -> by(e.by(), "account.password.reset", account(e.accountId(), e.username()), "ok");
            case RolesChanged e -> by(e.by(), "account.roles.changed", account(e.accountId(), e.username())
                    + " roles=" + e.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")), "ok");
            case JurisdictionChanged e -> by(e.by(), "account.jurisdiction.changed",
                    account(e.accountId(), e.username()) + (e.jurisdiction().citywide() ? " citywide"
                            : " divisions=" + String.join(",", e.jurisdiction().divisions().stream().sorted().toList())
                                    + " departments="
                                    + String.join(",", e.jurisdiction().departments().stream().sorted().toList())),
                    "ok");
            case TokenIssued e -> by(e.username(), "auth.token.issued", "token=" + e.tokenId() + " expires="
                    + e.expiresAt(), "ok");
            case TokenRevoked e -> by(e.by(), "auth.token.revoked", "token=" + e.tokenId() + " account="
                    + e.username(), "ok");
            case LoggedIn e -> append(e.username(), "auth.login", "account=" + e.username(), "ok", e.source());
            case LoggedOut e -> append(e.username(), "auth.logout", "account=" + e.username(), "ok", e.source());
            case LoginFailed e -> append(Actor.ANONYMOUS.username(), "auth.login.failed",
                    "username=" + e.username() + " method=" + e.method(), "failed: " + e.reason(), e.source());
        }
    }

    @EventListener
    void on(CommandExecuted event) {
        chain.append(new AuditChain.Entry("cli:" + event.operator(), "", "cli " + event.command(), event.arguments(),
                event.exitCode() == 0 ? "ok" : "failed: exit " + event.exitCode(), "cli"));
    }

    private void by(String username, String action, String object, String result) {
        append(username, action, object, result, AuditChain.requestSource());
    }

    /** The actor's roles are recorded when the actor is the current one (else they are not known here). */
    private void append(String username, String action, String object, String result, String source) {
        Actor current = currentActor.get();
        String roles = current.username().equals(username) ? AuditChain.roles(current) : "";
        chain.append(new AuditChain.Entry(username, roles, action, object, result,
                source == null || source.isEmpty() ? AuditChain.requestSource() : source));
    }

    private static String account(String id, String username) {
        return "account=" + username + " id=" + id;
    }
}

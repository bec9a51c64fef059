package org.megacity.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.megacity.identity.Role;
import org.megacity.platform.Problems;
import org.megacity.platform.Problems.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Signing in for API clients: password change, personal access tokens, who am I. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Password change, personal access tokens, the current account")
class AuthApi {

    record PasswordChange(String username, String oldPassword, String newPassword) {
    }

    record TokenRequest(String name, Integer expiresInDays) {
    }

    record TokenView(String id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt,
            Instant lastUsedAt, String status) {
    }

    record Me(String id, String username, String displayName, List<String> roles,
            AccountView.JurisdictionView jurisdiction, boolean passwordChangeRequired, String authenticatedBy) {
    }

    private final PasswordChanges passwordChanges;
    private final AccessTokens tokens;
    private final Accounts accounts;

    AuthApi(PasswordChanges passwordChanges, AccessTokens tokens, Accounts accounts) {
        this.passwordChanges = passwordChanges;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @PostMapping("/password")
    @Operation(summary = "Change a password, proving the current one (open without signing in; the only call an "
            + "account with a one-time password may make)")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange body, HttpServletRequest request) {
        List<Violation> missing = new ArrayList<>();
        if (body.username() == null || body.username().isBlank()) {
            missing.add(new Violation("username", "required"));
        }
        if (body.oldPassword() == null) {
            missing.add(new Violation("oldPassword", "required"));
        }
        if (body.newPassword() == null) {
            missing.add(new Violation("newPassword", "required"));
        }
        if (!missing.isEmpty()) {
            throw Problems.invalid(missing);
        }
        return switch (passwordChanges.change(body.username(), body.oldPassword(), body.newPassword(),
                request.getRemoteAddr())) {
            case PasswordChanges.Outcome.Changed changed -> ResponseEntity.noContent().build();
            case PasswordChanges.Outcome.Rejected rejected -> throw Problems.invalid(rejected.rules().stream()
                    .map(r -> new Violation("newPassword", r.message())).toList());
            case PasswordChanges.Outcome.Refused refused -> throw Problems.of(HttpStatus.UNAUTHORIZED,
                    "invalid-credentials", "Invalid credentials", PasswordAuthenticationProvider.REFUSED
                            + "; 5 consecutive failures lock an account for 15 minutes");
        };
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a personal access token (authenticate with HTTP Basic); the token is shown only once")
    AccessTokens.Issued issue(@RequestBody(required = false) TokenRequest body) {
        AccountAuthentication signedIn = signedIn();
        if (signedIn.method() == AccountAuthentication.Method.BEARER) {
            throw Problems.forbidden("a token cannot issue tokens: authenticate with your password (HTTP Basic)");
        }
        Account account = accounts.byId(signedIn.accountId()).orElseThrow();
        TokenRequest request = body == null ? new TokenRequest(null, null) : body;
        return tokens.issue(account, request.name(), request.expiresInDays());
    }

    @GetMapping("/tokens")
    @Operation(summary = "Your personal access tokens (never their secrets)")
    List<TokenView> tokens() {
        Instant now = Instant.now();
        return tokens.of(signedIn().accountId()).stream()
                .map(t -> new TokenView(t.id(), t.name(), t.createdAt(), t.expiresAt(), t.revokedAt(), t.lastUsedAt(),
                        t.revokedAt() != null ? "revoked" : t.expiresAt().isAfter(now) ? "active" : "expired"))
                .toList();
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your tokens")
    void revoke(@PathVariable String id) {
        tokens.revoke(signedIn().actor(), id);
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account: roles and jurisdiction")
    Me me() {
        AccountAuthentication signedIn = signedIn();
        Account account = accounts.byId(signedIn.accountId()).orElseThrow();
        return new Me(account.id(), account.username(), account.displayName(),
                account.roles().stream().map(Role::name).sorted().toList(),
                AccountView.JurisdictionView.of(account.jurisdiction()), signedIn.passwordChangeRequired(),
                signedIn.method().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static AccountAuthentication signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof AccountAuthentication account) {
            return account;
        }
        throw Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", "sign in first");
    }
}

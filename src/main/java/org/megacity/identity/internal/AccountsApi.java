package org.megacity.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.megacity.identity.CurrentActor;
import org.megacity.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account administration. The system administrator creates, disables and enables accounts and
 * resets passwords; the security administrator sets roles and jurisdictions; both may list.
 */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "accounts", description = "Account administration (system and security administrators)")
class AccountsApi {

    static final int MAX_PAGE = 500;

    record NewAccount(String username, String displayName) {
    }

    record WithPassword(AccountView account, String oneTimePassword) {
    }

    record Page(List<AccountView> accounts, String nextCursor) {
    }

    record Roles(List<String> roles) {
    }

    record JurisdictionRequest(Boolean citywide, List<String> divisions, List<String> departments) {
    }

    private final AccountAdministration administration;
    private final CurrentActor actor;

    AccountsApi(AccountAdministration administration, CurrentActor actor) {
        this.administration = administration;
        this.actor = actor;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Create an account with a one-time password (returned only here; it must be changed at first login)")
    WithPassword create(@RequestBody NewAccount body) {
        var created = administration.create(actor.get(), body.username(), body.displayName());
        return new WithPassword(AccountView.of(created.account()), created.oneTimePassword());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    @Operation(summary = "List accounts by name; pass nextCursor as cursor for the next page")
    Page list(@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw Problems.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        List<Account> page = administration.page(actor.get(), cursor, limit + 1);
        boolean more = page.size() > limit;
        List<AccountView> shown = page.stream().limit(limit).map(AccountView::of).toList();
        return new Page(shown, more ? shown.getLast().username() : null);
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Disable an account: it can no longer sign in; its sessions and tokens stop working")
    AccountView disable(@PathVariable String id) {
        return AccountView.of(administration.disable(actor.get(), id));
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Enable a disabled account")
    AccountView enable(@PathVariable String id) {
        return AccountView.of(administration.enable(actor.get(), id));
    }

    @PostMapping("/{id}/password-reset")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Give an account a new one-time password (not for administrators' accounts)")
    WithPassword resetPassword(@PathVariable String id) {
        var reset = administration.resetPassword(actor.get(), id);
        return new WithPassword(AccountView.of(reset.account()), reset.oneTimePassword());
    }

    @PutMapping("/{id}/roles")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(summary = "Set the account's roles (the whole set); at most one administrator role")
    AccountView roles(@PathVariable String id, @RequestBody Roles body) {
        return AccountView.of(administration.setRoles(actor.get(), id, body.roles()));
    }

    @PutMapping("/{id}/jurisdiction")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(summary = "Set where the account may see and act: citywide, or division and department codes")
    AccountView jurisdiction(@PathVariable String id, @RequestBody JurisdictionRequest body) {
        return AccountView.of(administration.setJurisdiction(actor.get(), id, Boolean.TRUE.equals(body.citywide()),
                body.divisions(), body.departments()));
    }
}

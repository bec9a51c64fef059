package org.megacity.identity.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.megacity.identity.Actor;
import org.megacity.identity.IdentityEvent;
import org.megacity.identity.Jurisdiction;
import org.megacity.identity.Role;
import org.megacity.platform.Problems;
import org.megacity.platform.Problems.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing accounts, with the separation of the three administrators (三员分立) enforced here as
 * well as at the API: the system administrator creates, disables and enables accounts and resets
 * passwords; the security administrator sets roles and jurisdictions; nobody may hold two
 * administrator roles, and no administrator may change its own roles, jurisdiction or state.
 *
 * <p>The system administrator may not reset another administrator's password: that would let it
 * sign in as the security or audit administrator and so hold their powers. An operator with shell
 * access resets those with {@code ./megacity accounts reset-password NAME} (recorded in the audit
 * trail as a command).
 */
@Service
class AccountAdministration {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    static final Pattern DEPARTMENT_CODE = Pattern.compile("[a-z0-9-]{2,40}");

    /** A new account or a reset password, with the one-time password to hand to its holder once. */
    record WithOneTimePassword(Account account, String oneTimePassword) {
    }

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final DivisionCheck divisions;
    private final ApplicationEventPublisher events;

    AccountAdministration(Accounts accounts, PasswordEncoder encoder, DivisionCheck divisions,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.divisions = divisions;
        this.events = events;
    }

    @Transactional
    public WithOneTimePassword create(Actor by, String username, String displayName) {
        require(by, Role.SYSTEM_ADMIN, "create accounts");
        String name = username == null ? "" : username.trim();
        List<Violation> violations = new ArrayList<>();
        if (!USERNAME.matcher(name).matches()) {
            violations.add(new Violation("username",
                    "3 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        String display = displayName == null || displayName.isBlank() ? name : displayName.trim();
        if (display.length() > 200) {
            violations.add(new Violation("displayName", "at most 200 characters"));
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        if (accounts.byUsername(name).isPresent()) {
            throw Problems.conflict("an account named " + name + " exists");
        }
        return insert(by, name, display, Set.of(), false);
    }

    /**
     * Creates an account holding one role with a one-time password, at the first start; no
     * authorisation check (the caller is the system). Returns null when the name is taken.
     */
    @Transactional
    public WithOneTimePassword createInitial(String username, String displayName, Role role) {
        if (accounts.byUsername(username).isPresent()) {
            return null;
        }
        try {
            // the administrators serve the whole city: their roles, not their jurisdiction, limit them
            return insert(Actor.SYSTEM, username, displayName, Set.of(role), true);
        } catch (DuplicateKeyException raced) {
            return null; // another node created it at the same moment
        }
    }

    private WithOneTimePassword insert(Actor by, String name, String display, Set<Role> roles, boolean citywide) {
        Instant now = now();
        String password = generateFor(name);
        Account account = new Account(UUID.randomUUID().toString(), name, display, encoder.encode(password), true,
                true, 0, null, citywide, now, now, now, roles, Set.of(), Set.of());
        accounts.insert(account);
        events.publishEvent(new IdentityEvent.AccountCreated(account.id(), name, by.username()));
        if (!roles.isEmpty()) {
            events.publishEvent(new IdentityEvent.RolesChanged(account.id(), name, roles, by.username()));
        }
        return new WithOneTimePassword(account, password);
    }

    @Transactional
    public Account disable(Actor by, String id) {
        require(by, Role.SYSTEM_ADMIN, "disable accounts");
        Account account = target(by, id, "disable");
        accounts.setEnabled(id, false, now());
        events.publishEvent(new IdentityEvent.AccountDisabled(id, account.username(), by.username()));
        return accounts.byId(id).orElseThrow();
    }

    @Transactional
    public Account enable(Actor by, String id) {
        require(by, Role.SYSTEM_ADMIN, "enable accounts");
        Account account = target(by, id, "enable");
        accounts.setEnabled(id, true, now());
        events.publishEvent(new IdentityEvent.AccountEnabled(id, account.username(), by.username()));
        return accounts.byId(id).orElseThrow();
    }

    @Transactional
    public WithOneTimePassword resetPassword(Actor by, String id) {
        require(by, Role.SYSTEM_ADMIN, "reset passwords");
        Account account = target(by, id, "reset the password of");
        if (account.roles().stream().anyMatch(Role::administrator)) {
            throw Problems.forbidden("the system administrator cannot reset another administrator's password;"
                    + " an operator resets it on the server with ./megacity accounts reset-password "
                    + account.username());
        }
        return reset(by, account);
    }

    /** Resets any account's password, for the operator's command line. */
    @Transactional
    public WithOneTimePassword resetByOperator(String username) {
        Account account = accounts.byUsername(username.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("no account named " + username));
        return reset(Actor.SYSTEM, account);
    }

    private WithOneTimePassword reset(Actor by, Account account) {
        String password = generateFor(account.username());
        accounts.updatePassword(account.id(), encoder.encode(password), true, now());
        events.publishEvent(new IdentityEvent.PasswordReset(account.id(), account.username(), by.username()));
        return new WithOneTimePassword(accounts.byId(account.id()).orElseThrow(), password);
    }

    @Transactional
    public Account setRoles(Actor by, String id, Collection<String> roleNames) {
        require(by, Role.SECURITY_ADMIN, "grant or revoke roles");
        if (roleNames == null) {
            throw Problems.invalid("roles", "required: the full list of roles the account holds (may be empty)");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<Violation> violations = new ArrayList<>();
        for (String roleName : roleNames) {
            try {
                roles.add(Role.valueOf(roleName));
            } catch (IllegalArgumentException | NullPointerException e) {
                violations.add(new Violation("roles", "unknown role '" + roleName + "'"));
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        checkSeparation(roles);
        Account account = target(by, id, "change the roles of");
        accounts.setRoles(id, roles, now());
        events.publishEvent(new IdentityEvent.RolesChanged(id, account.username(), roles, by.username()));
        return accounts.byId(id).orElseThrow();
    }

    /** 三员分立: at most one of the three administrator roles per account. */
    static void checkSeparation(Set<Role> roles) {
        List<String> administrators = roles.stream().filter(Role::administrator).map(Role::name).sorted().toList();
        if (administrators.size() > 1) {
            throw Problems.invalid("roles", "an account may hold at most one administrator role, not "
                    + String.join(" and ", administrators) + " (separation of the three administrators)");
        }
    }

    @Transactional
    public Account setJurisdiction(Actor by, String id, boolean citywide, Collection<String> divisionCodes,
            Collection<String> departmentCodes) {
        require(by, Role.SECURITY_ADMIN, "set jurisdictions");
        Set<String> divisionSet = new TreeSet<>(divisionCodes == null ? List.of() : divisionCodes);
        Set<String> departmentSet = new TreeSet<>(departmentCodes == null ? List.of() : departmentCodes);
        List<Violation> violations = new ArrayList<>();
        int i = 0;
        for (String code : divisionCodes == null ? List.<String>of() : divisionCodes) {
            String at = "divisions[" + i++ + "]";
            if (code == null) {
                violations.add(new Violation(at, "a division code is required"));
            } else {
                divisions.problem(code).ifPresent(p -> violations.add(new Violation(at, p)));
            }
        }
        i = 0;
        for (String code : departmentCodes == null ? List.<String>of() : departmentCodes) {
            String at = "departments[" + i++ + "]";
            if (code == null || !DEPARTMENT_CODE.matcher(code).matches()) {
                violations.add(new Violation(at, "department code '" + code
                        + "' must be 2 to 40 characters: lower-case letters, digits or '-'"));
            }
        }
        if (citywide && (!divisionSet.isEmpty() || !departmentSet.isEmpty())) {
            violations.add(new Violation("citywide", "a citywide jurisdiction lists no divisions or departments"));
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        Account account = target(by, id, "change the jurisdiction of");
        accounts.setJurisdiction(id, citywide, divisionSet, departmentSet, now());
        events.publishEvent(new IdentityEvent.JurisdictionChanged(id, account.username(),
                new Jurisdiction(citywide, divisionSet, departmentSet), by.username()));
        return accounts.byId(id).orElseThrow();
    }

    public List<Account> page(Actor by, String afterUsername, int limit) {
        if (!by.has(Role.SYSTEM_ADMIN) && !by.has(Role.SECURITY_ADMIN)) {
            throw Problems.forbidden("only the system and security administrators list accounts");
        }
        return accounts.page(afterUsername, limit);
    }

    private Account target(Actor by, String id, String what) {
        Account account = accounts.byId(id).orElseThrow(() -> Problems.notFound("no account with id " + id));
        if (account.id().equals(by.accountId())) {
            throw Problems.forbidden("an administrator cannot " + what + " its own account");
        }
        return account;
    }

    private static void require(Actor by, Role role, String what) {
        if (!by.has(role)) {
            throw Problems.forbidden("only the " + role.nameEn().toLowerCase(Locale.ROOT) + " may " + what);
        }
    }

    private static String generateFor(String username) {
        String password;
        do {
            password = OneTimePasswords.generate();
        } while (!PasswordPolicy.violations(password, username, null).isEmpty());
        return password;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

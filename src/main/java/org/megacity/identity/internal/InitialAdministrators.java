package org.megacity.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.megacity.identity.Role;
import org.megacity.platform.DataDirectory;
import org.megacity.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * No default password anywhere: at the first start (in every mode), for each of the three
 * administrator roles that no account holds yet, creates its account ({@code sysadmin},
 * {@code secadmin}, {@code auditadmin}) with a generated one-time password, written to a file in
 * the data directory with mode 0600 and never logged. Each must be changed at the first sign-in;
 * the file is deleted once it is.
 *
 * <p>In server mode, as long as a file remains, every start tells on stdout where it is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialAdministrators implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrators.class);

    /** An administrator created at first start, and where its first password is written. */
    record Initial(String username, String displayName, Role role, String file) {
    }

    static final List<Initial> ADMINISTRATORS = List.of(
            new Initial("sysadmin", "系统管理员", Role.SYSTEM_ADMIN, "initial-admin-password"),
            new Initial("secadmin", "安全管理员", Role.SECURITY_ADMIN, "initial-security-admin-password"),
            new Initial("auditadmin", "审计管理员", Role.AUDIT_ADMIN, "initial-audit-admin-password"));

    private final AccountAdministration administration;
    private final Accounts accounts;
    private final DataDirectory data;
    private final PlatformSettings settings;

    InitialAdministrators(AccountAdministration administration, Accounts accounts, DataDirectory data,
            PlatformSettings settings) {
        this.administration = administration;
        this.accounts = accounts;
        this.data = data;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Initial admin : ADMINISTRATORS) {
            if (!accounts.anyHolds(admin.role())) {
                var created = administration.createInitial(admin.username(), admin.displayName(), admin.role());
                if (created == null) {
                    log.warn("no account holds {} and the name {} is taken: assign the role with the security "
                            + "administrator", admin.role(), admin.username());
                    continue;
                }
                data.writePrivate(admin.file(), (created.oneTimePassword() + "\n").getBytes(StandardCharsets.UTF_8));
                log.info("created administrator {} ({}); first password written to {}", admin.username(),
                        admin.role(), data.resolve(admin.file()));
            }
        }
    }

    /**
     * Tells the operator, right under the ready line (after a demo city's minute of progress), where
     * each first password still waiting to be changed is.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void remindOfFirstPasswords() {
        if (!settings.serverMode()) {
            return;
        }
        for (Initial admin : ADMINISTRATORS) {
            Path file = data.resolve(admin.file());
            if (Files.exists(file)) {
                System.out.printf("Administrator: %s, first password in %s (change it at first login)%n",
                        admin.username(), file);
            }
        }
    }

    /** Deletes the first-password file of an initial administrator once it has chosen its own. */
    void firstPasswordChanged(String username) {
        for (Initial admin : ADMINISTRATORS) {
            if (admin.username().equals(username)) {
                try {
                    Files.deleteIfExists(data.resolve(admin.file()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}

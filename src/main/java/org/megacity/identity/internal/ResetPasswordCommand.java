package org.megacity.identity.internal;

import java.nio.charset.StandardCharsets;
import org.megacity.platform.CliCommand;
import org.megacity.platform.DataDirectory;
import org.springframework.stereotype.Component;

/**
 * {@code ./megacity accounts reset-password NAME [--data DIR]}: gives any account (administrators'
 * included, which the API refuses) a new one-time password, written to
 * {@code <data>/reset-password-NAME} (mode 0600), never printed. For an operator with shell access
 * to the server: the way back in when an administrator has lost its password.
 */
@Component
class ResetPasswordCommand implements CliCommand {

    private final AccountAdministration administration;
    private final DataDirectory data;

    ResetPasswordCommand(AccountAdministration administration, DataDirectory data) {
        this.administration = administration;
        this.data = data;
    }

    @Override
    public String name() {
        return "accounts reset-password";
    }

    @Override
    public String synopsis() {
        return "[--data DIR] NAME";
    }

    @Override
    public String summary() {
        return "Give an account a one-time password (written to a 0600 file in the data directory)";
    }

    @Override
    public int run(Invocation invocation) {
        String name = invocation.argument(0, "NAME");
        var reset = administration.resetByOperator(name);
        String file = "reset-password-" + reset.account().username();
        data.writePrivate(file, (reset.oneTimePassword() + "\n").getBytes(StandardCharsets.UTF_8));
        invocation.out().println("ok: one-time password for " + reset.account().username() + " written to "
                + data.resolve(file) + " (it must be changed at first login)");
        return 0;
    }
}

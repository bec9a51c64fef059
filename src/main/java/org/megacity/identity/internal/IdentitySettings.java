package org.megacity.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of accounts and authentication ({@code megacity.identity.*}). The defaults are what
 * MLPS 2.0 level 3 asks for; the session timeout is {@code server.servlet.session.timeout} (30m).
 *
 * @param maxFailedLogins consecutive failed sign-ins that lock an account (default 5)
 * @param lockout         how long a locked account stays locked (default 15 minutes)
 * @param passwordMaxAge  after this a password must be changed at the next sign-in (default 90
 *                        days; periodic change); {@code 0} turns the expiry off
 * @param bcryptStrength  the bcrypt cost factor, 10 to 16 (default 12: about 0.2-0.3 s per hash
 *                        on one core of a current server)
 * @param tokenDays       default lifetime of a personal access token in days (default 30)
 * @param tokenMaxDays    the longest lifetime a token may be given (default 365)
 */
@ConfigurationProperties("megacity.identity")
public record IdentitySettings(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("90d") Duration passwordMaxAge,
        @DefaultValue("12") int bcryptStrength,
        @DefaultValue("30") int tokenDays,
        @DefaultValue("365") int tokenMaxDays) {

    public IdentitySettings {
        if (maxFailedLogins < 1 || maxFailedLogins > 10) {
            throw new IllegalArgumentException("megacity.identity.max-failed-logins must be between 1 and 10, not "
                    + maxFailedLogins);
        }
        if (lockout.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("megacity.identity.lockout must be at least 1 minute, not " + lockout);
        }
        if (passwordMaxAge.isNegative()) {
            throw new IllegalArgumentException("megacity.identity.password-max-age must not be negative");
        }
        if (bcryptStrength < 10 || bcryptStrength > 16) {
            throw new IllegalArgumentException("megacity.identity.bcrypt-strength must be between 10 and 16, not "
                    + bcryptStrength);
        }
        if (tokenDays < 1 || tokenMaxDays < tokenDays || tokenMaxDays > 3650) {
            throw new IllegalArgumentException("megacity.identity.token-days must be at least 1 and at most "
                    + "token-max-days (at most 3650)");
        }
    }
}

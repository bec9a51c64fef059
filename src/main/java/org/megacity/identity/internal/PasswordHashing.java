package org.megacity.identity.internal;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed: bcrypt with cost 12 ({@code megacity.identity.bcrypt-strength}),
 * stored with its algorithm prefix ({@code {bcrypt}$2a$12$...}) through a
 * {@link DelegatingPasswordEncoder}.
 *
 * <p>Why bcrypt and not Argon2: both are on OWASP's list of password hashing functions fit for
 * use; Spring Security's Argon2 encoder needs BouncyCastle as an extra dependency, while bcrypt is
 * built in and well understood by auditors. The prefix keeps the choice open: adding an
 * {@code argon2} entry and making it the default re-hashes each password at its holder's next
 * successful sign-in ({@link PasswordEncoder#upgradeEncoding}, see {@link SignIns}), and raising
 * the bcrypt cost does the same. bcrypt reads at most 72 bytes, so the password policy caps the
 * length there ({@link PasswordPolicy#MAX_BYTES}) rather than truncate silently.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    static final String ALGORITHM = "bcrypt";

    @Bean
    PasswordEncoder passwordEncoder(IdentitySettings settings) {
        return new DelegatingPasswordEncoder(ALGORITHM,
                Map.of(ALGORITHM, new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2A,
                        settings.bcryptStrength())));
    }
}

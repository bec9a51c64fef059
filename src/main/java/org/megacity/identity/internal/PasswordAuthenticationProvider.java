package org.megacity.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Name and password, from the login page or HTTP Basic, checked by {@link SignIns}. */
class PasswordAuthenticationProvider implements AuthenticationProvider {

    static final String REFUSED = "wrong name or password, or the account is locked or disabled";

    private final SignIns signIns;

    PasswordAuthenticationProvider(SignIns signIns) {
        this.signIns = signIns;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        SignInDetails details = authentication.getDetails() instanceof SignInDetails d ? d : new SignInDetails("basic", "");
        Object credentials = authentication.getCredentials();
        return switch (signIns.attempt(authentication.getName(), credentials == null ? "" : credentials.toString(),
                details.method(), details.source())) {
            case SignIns.Attempt.Accepted accepted -> new AccountAuthentication(accepted.account(),
                    "form".equals(details.method()) ? AccountAuthentication.Method.FORM
                            : AccountAuthentication.Method.BASIC,
                    accepted.passwordChangeRequired());
            case SignIns.Attempt.Refused refused -> throw new BadCredentialsException(REFUSED);
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

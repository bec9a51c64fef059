package org.megacity.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Supplier;
import org.megacity.identity.IdentityEvent;
import org.megacity.identity.PublicAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;

/**
 * Who may reach what, and how they sign in.
 *
 * <ul>
 * <li><b>API</b> ({@code /api/**}): a personal access token ({@code Authorization: Bearer}) or HTTP
 *     Basic, per request, never creating a session; a page's session cookie also works, then with
 *     the CSRF header. 401 and 403 are {@code application/problem+json}, never a redirect.</li>
 * <li><b>Pages</b>: the login form at {@code /login}, a session (30 minutes idle, a new session id
 *     at sign-in against fixation), CSRF protection by a token that page scripts can read from the
 *     {@code XSRF-TOKEN} cookie and send as {@code X-XSRF-TOKEN}; logout by {@code POST /logout}.</li>
 * </ul>
 *
 * Open without signing in: the login page, the password-change page and API, static assets,
 * {@code /actuator/health}, {@code /actuator/prometheus} (metrics hold no personal data; restrict
 * them at the reverse proxy where the network is not trusted, see {@code docs/security.md}), the
 * OpenAPI description and Swagger UI, {@code /error}, and what the modules declare public with a
 * {@link PublicAccess} bean (published drafts, Open311, the public report pages), each with its
 * reason. Everything else needs an account.
 * Security headers are Spring Security's defaults (no-sniff, frame deny, HSTS on HTTPS, no-cache).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC = {"/login", CurrentAccountFilter.CHANGE_PASSWORD_PAGE, "/webjars/**", "/css/**",
            "/js/**", "/img/**", "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error"};

    /**
     * No observation per security filter, authentication or authorization: wrapping each of the
     * chain's filters cost several per cent of an API call's CPU even with the observations
     * disabled by property. The HTTP server observation (metrics per endpoint) stays, and sign-ins
     * are audited.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    AuthenticationManager authenticationManager(SignIns signIns) {
        ProviderManager manager = new ProviderManager(new PasswordAuthenticationProvider(signIns));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Web {

        @Bean
        @Order(1)
        SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, AccessTokens tokens,
                SignedInAccounts signedIn, ObjectProvider<PublicAccess> declared) throws Exception {
            ProblemResponses problems = new ProblemResponses();
            List<PublicAccess> open = declared.orderedStream().toList();
            String[] reads = open.stream().flatMap(p -> p.apiReads().stream()).toArray(String[]::new);
            String[] writes = open.stream().flatMap(p -> p.apiWrites().stream()).toArray(String[]::new);
            return http
                    .securityMatcher("/api/**")
                    .authenticationManager(authentication)
                    .authorizeHttpRequests(a -> a
                            .requestMatchers(HttpMethod.POST, CurrentAccountFilter.CHANGE_PASSWORD_API).permitAll()
                            .requestMatchers(HttpMethod.GET, reads).permitAll()
                            .requestMatchers(writes).permitAll()
                            .anyRequest().authenticated())
                    .httpBasic(b -> b.realmName("megacity").authenticationEntryPoint(problems)
                            .authenticationDetailsSource(r -> SignInDetails.of("basic", r)))
                    .addFilterBefore(new BearerTokenFilter(tokens, signedIn, problems), BasicAuthenticationFilter.class)
                    .addFilterBefore(new CurrentAccountFilter(signedIn, true), AnonymousAuthenticationFilter.class)
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                    .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                            .csrfTokenRequestHandler(sessionTokens())
                            .requireCsrfProtectionMatcher(SecurityConfiguration::sessionWrite))
                    .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                    .requestCache(r -> r.disable())
                    .formLogin(f -> f.disable())
                    .logout(l -> l.disable())
                    .build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authentication, SignedInAccounts signedIn,
                ApplicationEventPublisher events, ObjectProvider<PublicAccess> declared) throws Exception {
            List<PublicAccess> open = declared.orderedStream().toList();
            String[] pages = java.util.stream.Stream.concat(java.util.Arrays.stream(PUBLIC),
                    open.stream().flatMap(p -> p.pages().stream())).toArray(String[]::new);
            String[] withoutCsrf = open.stream().flatMap(p -> p.csrfExempt().stream()).toArray(String[]::new);
            SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
            success.setDefaultTargetUrl("/");
            return http
                    .authenticationManager(authentication)
                    .authorizeHttpRequests(a -> a.requestMatchers(pages).permitAll().anyRequest().authenticated())
                    .formLogin(f -> f.loginPage("/login")
                            .authenticationDetailsSource(r -> SignInDetails.of("form", r))
                            .successHandler((request, response, auth) -> {
                                AccountAuthentication account = (AccountAuthentication) auth;
                                events.publishEvent(new IdentityEvent.LoggedIn(account.accountId(), account.username(),
                                        request.getRemoteAddr()));
                                if (account.passwordChangeRequired()) {
                                    response.sendRedirect(request.getContextPath()
                                            + CurrentAccountFilter.CHANGE_PASSWORD_PAGE);
                                } else {
                                    success.onAuthenticationSuccess(request, response, auth);
                                }
                            })
                            .failureUrl("/login?error")
                            .permitAll())
                    .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                            .addLogoutHandler((request, response, auth) -> {
                                if (auth instanceof AccountAuthentication account) {
                                    events.publishEvent(new IdentityEvent.LoggedOut(account.accountId(),
                                            account.username(), request.getRemoteAddr()));
                                }
                            })
                            .deleteCookies("JSESSIONID"))
                    .addFilterBefore(new CurrentAccountFilter(signedIn, false), AnonymousAuthenticationFilter.class)
                    .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()).invalidSessionUrl("/login?expired"))
                    .csrf(c -> c.spa().ignoringRequestMatchers(withoutCsrf))
                    .build();
        }
    }

    /**
     * The API's CSRF tokens: page scripts send the raw value of the {@code XSRF-TOKEN} cookie in
     * {@code X-XSRF-TOKEN}. The cookie is issued on answers to requests that ride a session and
     * carry no credentials of their own; a bearer or basic request is never checked, so it gets
     * none (issuing it, as {@code spa()} does on every answer, cost a new token and a
     * {@code Set-Cookie} per API call).
     */
    static CsrfTokenRequestHandler sessionTokens() {
        CsrfTokenRequestAttributeHandler issued = new CsrfTokenRequestAttributeHandler();
        issued.setCsrfRequestAttributeName(null); // null: load (or create and set) the token at once
        CsrfTokenRequestAttributeHandler deferred = new CsrfTokenRequestAttributeHandler(); // "_csrf": only when read
        return new CsrfTokenRequestHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
                (ridesSession(request) ? issued : deferred).handle(request, response, token);
            }

            @Override
            public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
                return issued.resolveCsrfTokenValue(request, token);
            }
        };
    }

    /**
     * CSRF applies to API writes that rely on the session cookie: a request that carries its own
     * credentials (Authorization header) cannot be forged by another site, and one without a
     * (valid) session has no authority to abuse. The API never creates sessions, so a session here
     * was named by the request's cookie.
     */
    static boolean sessionWrite(HttpServletRequest request) {
        String method = request.getMethod();
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || method.equals("TRACE");
        return !safe && ridesSession(request);
    }

    /** A request without credentials of its own, on a session named by its cookie. */
    static boolean ridesSession(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) != null;
    }
}

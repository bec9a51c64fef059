package org.megacity.cases.internal;

import org.megacity.console.NavigationLink;
import org.megacity.identity.PublicAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What cases adds to the console's navigation and opens to the public. */
@Configuration(proxyBeanMethods = false)
class CasesWebDeclarations {

    @Bean
    NavigationLink casesNavigation() {
        return new NavigationLink("nav-cases", "/cases", "nav.cases", 40);
    }

    @Bean
    PublicAccess open311() {
        return PublicAccess.because("Open311 GeoReport v2: anyone reads public service requests; writes carry an api_key")
                .withPages("/open311/**")
                .withoutCsrf("/open311/**");
    }

    @Bean
    PublicAccess publicReports() {
        return PublicAccess.because("citizens report problems and track their reports without an account (12345 portal)")
                .withPages("/report", "/report/**", "/track", "/track/**");
    }
}

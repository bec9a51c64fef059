package org.megacity.legislation.internal;

import org.megacity.console.NavigationLink;
import org.megacity.identity.PublicAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What legislation adds to the console's navigation and opens to the public. */
@Configuration(proxyBeanMethods = false)
class LegislationWebDeclarations {

    @Bean
    NavigationLink legislationNavigation() {
        return new NavigationLink("nav-legislation", "/legislation", "nav.legislation", 30);
    }

    @Bean
    PublicAccess publishedDrafts() {
        return PublicAccess.because("published drafts are open for comment (Legislation Law Art. 40)")
                .withPages("/legislation/public", "/legislation/public/**")
                .withApiReads("/api/v1/legislation/public/**");
    }
}

package org.megacity.representatives.internal;

import org.megacity.console.NavigationLink;
import org.megacity.identity.PublicAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What representatives adds to the console's navigation and opens to the public. */
@Configuration(proxyBeanMethods = false)
class RepresentativesWebDeclarations {

    @Bean
    NavigationLink representativesNavigation() {
        return new NavigationLink("nav-representatives", "/representatives", "nav.representatives", 45);
    }

    @Bean
    PublicAccess representativesPublic() {
        return PublicAccess.because("the handling of deputies' suggestions is reported to the public; residents find"
                        + " liaison stations, deputies on duty and contact points")
                .withPages("/representatives/report")
                .withApiReads("/api/v1/representatives/reports/**", "/api/v1/representatives/stations",
                        "/api/v1/representatives/stations/*/duty", "/api/v1/representatives/contact-points");
    }
}

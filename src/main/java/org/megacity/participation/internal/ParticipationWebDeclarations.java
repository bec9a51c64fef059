package org.megacity.participation.internal;

import org.megacity.console.NavigationLink;
import org.megacity.identity.PublicAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What participation adds to the console's navigation and opens to the public. */
@Configuration(proxyBeanMethods = false)
class ParticipationWebDeclarations {

    @Bean
    NavigationLink participationNavigation() {
        return new NavigationLink("nav-participation", "/participation", "nav.participation", 35);
    }

    @Bean
    PublicAccess consultationsForThePublic() {
        return PublicAccess.because("drafts are published for the public's opinions and how they were handled is"
                        + " reported to the public (Legislation Law Art. 40); contributors follow their opinions by token")
                .withPages("/participation/public", "/participation/public/**")
                .withApiReads("/api/v1/participation/consultations", "/api/v1/participation/consultations/*",
                        "/api/v1/participation/consultations/*/report", "/api/v1/participation/consultations/*/report.csv")
                .withApiWrites("/api/v1/participation/consultations/*/opinions", "/api/v1/participation/opinion-lookup");
    }
}

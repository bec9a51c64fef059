package org.megacity.telemetry.internal;

import org.megacity.console.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What telemetry adds to the console's navigation. */
@Configuration(proxyBeanMethods = false)
class TelemetryWebDeclarations {

    @Bean
    NavigationLink vitalsNavigation() {
        return new NavigationLink("nav-vitals", "/vitals", "nav.vitals", 25);
    }
}

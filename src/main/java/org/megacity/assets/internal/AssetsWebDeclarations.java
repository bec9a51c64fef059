package org.megacity.assets.internal;

import org.megacity.console.NavigationLink;
import org.megacity.identity.PublicAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What assets adds to the console's navigation and opens to the public. */
@Configuration(proxyBeanMethods = false)
class AssetsWebDeclarations {

    @Bean
    NavigationLink assetsNavigation() {
        return new NavigationLink("nav-assets", "/assets", "nav.assets", 50);
    }

    /**
     * OGC API – Features at {@code /ogcapi}: parks, parcels, renewal projects and city components are
     * open data for GIS clients; the pipe networks are not served there without a signed-in session
     * (they are at {@code /api/v1/ogcapi}, behind a token). See docs/assets.md, "Access".
     */
    @Bean
    PublicAccess ogcFeatures() {
        return PublicAccess.because("OGC API – Features: open city data (parks, parcels, renewal projects, components)"
                        + " for GIS clients; pipe networks need an account")
                .withPages("/ogcapi", "/ogcapi/**");
    }
}

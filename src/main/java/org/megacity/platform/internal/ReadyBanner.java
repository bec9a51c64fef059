package org.megacity.platform.internal;

import org.megacity.platform.PlatformSettings;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Tells the operator where the server listens once it is ready. */
@Component
class ReadyBanner {

    private final PlatformSettings settings;

    ReadyBanner(PlatformSettings settings) {
        this.settings = settings;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void ready(ApplicationReadyEvent event) {
        if (settings.serverMode() && event.getApplicationContext() instanceof WebServerApplicationContext web
                && web.getWebServer() != null) {
            System.out.printf("%nMegacity is ready: http://localhost:%d/   (data: %s)%n",
                    web.getWebServer().getPort(), settings.dataDir().toAbsolutePath().normalize());
        }
    }
}

package org.megacity.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform as a whole.
 *
 * @param dataDir where the installation keeps its database, keys and generated secrets
 *                ({@code --data DIR}; default {@code ./data})
 * @param mode    {@code server} when serving HTTP, {@code cli} when running one command; background
 *                work (simulations, schedules) runs only in server mode
 */
@ConfigurationProperties("megacity")
public record PlatformSettings(@DefaultValue("./data") Path dataDir, @DefaultValue("server") String mode) {

    public boolean serverMode() {
        return "server".equals(mode);
    }
}

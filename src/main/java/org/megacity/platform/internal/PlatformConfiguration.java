package org.megacity.platform.internal;

import org.megacity.platform.DataDirectory;
import org.megacity.platform.PlatformSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    DataDirectory dataDirectory(PlatformSettings settings) {
        return DataDirectory.prepare(settings.dataDir());
    }
}

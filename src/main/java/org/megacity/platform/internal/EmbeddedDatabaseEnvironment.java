package org.megacity.platform.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.megacity.platform.DataDirectory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the data source at the embedded H2 database under the data directory unless
 * {@code MEGACITY_DB_URL} (or {@code spring.datasource.url}) names another. The embedded database
 * gets a password generated at first start into {@code <data>/keys/h2-password} (mode 0600), so
 * no installation shares a default credential.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return;
        }
        DataDirectory data = DataDirectory.prepare(Path.of(environment.getProperty("megacity.data-dir", "./data")));
        String password = new String(data.secret("keys/h2-password",
                () -> DataDirectory.randomHex(24).getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII).trim();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", "jdbc:h2:file:" + data.resolve("db/megacity") + H2_OPTIONS);
        properties.put("spring.datasource.username", "megacity");
        properties.put("spring.datasource.password", password);
        environment.getPropertySources().addFirst(new MapPropertySource("megacityEmbeddedDatabase", properties));
    }

    @Override
    public int getOrder() {
        // after application.yaml and the environment have been read
        return Ordered.LOWEST_PRECEDENCE;
    }
}

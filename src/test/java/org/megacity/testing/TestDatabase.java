package org.megacity.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a fresh database and data directory. The database is chosen
 * by the system property {@code megacity.test.db}: {@code h2} (default) or {@code postgres}, the
 * latter at {@code MEGACITY_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres},
 * user {@code MEGACITY_TEST_PG_USER}, default {@code postgres}).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("megacity.test.db", "h2"));
    }

    static String adminUrl() {
        return env("MEGACITY_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    static String adminUser() {
        return env("MEGACITY_TEST_PG_USER", "postgres");
    }

    static String adminPassword() {
        return env("MEGACITY_TEST_PG_PASSWORD", "");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = "megacity_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("megacity-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> properties;
        if (postgres()) {
            execute("CREATE DATABASE " + name);
            // registered first, destroyed last: after the connection pool has closed
            ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("megacityTestDatabaseDrop",
                    () -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
            String url = adminUrl().substring(0, adminUrl().lastIndexOf('/') + 1) + name;
            properties = Map.of("spring.datasource.url", url,
                    "spring.datasource.username", adminUser(),
                    "spring.datasource.password", adminPassword(),
                    "megacity.data-dir", dataDir.toString());
        } else {
            properties = Map.of("spring.datasource.url", "jdbc:h2:mem:" + name
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "",
                    "megacity.data-dir", dataDir.toString());
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("megacityTestDatabase", properties));
    }

    static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl(), adminUser(), adminPassword())) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl() + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

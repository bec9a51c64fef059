package org.megacity.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole application against a real database: embedded H2, or PostgreSQL when the
 * test run says {@code -Dmegacity.test.db=postgres} (Maven's failsafe runs every {@code *IT} class
 * both ways). Each application context gets its own fresh database and data directory; the
 * PostgreSQL database is dropped when its context closes (at the latest when the run ends).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DatabaseAvailability.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"megacity.mode=test", "server.shutdown=immediate",
        // every test client is 127.0.0.1: the per-address limits are raised (EdgeProtectionIT tests them)
        "megacity.protection.sign-in-rate=100000", "megacity.protection.public-write-rate=100000"})
@ContextConfiguration(initializers = TestDatabase.class)
public @interface IntegrationTest {
}

package org.megacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ApplicationStartsIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migratesTheDatabaseAndRecordsEventPublications() {
        Integer migrations = jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single();
        assertThat(migrations).isPositive();
    }
}

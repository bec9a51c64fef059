package org.megacity.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.megacity.MegacityApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;

class AuditSettingsTest {

    @Test
    void keepsRecordsAtLeast180Days() {
        assertThat(new AuditSettings(180).retentionDays()).isEqualTo(180);
        assertThat(new AuditSettings(3650).retentionDays()).isEqualTo(3650);
        assertThatThrownBy(() -> new AuditSettings(179)).hasMessageContaining("at least 180 days");
    }

    @Test
    void theApplicationRefusesToStartWithAShorterRetention() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(MegacityApplication.class)
                .web(WebApplicationType.NONE)
                .run("--megacity.audit.retention-days=30", "--megacity.data-dir=target/retention-test",
                        "--spring.datasource.url=jdbc:h2:mem:retention;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "--megacity.mode=test"))
                .hasStackTraceContaining("megacity.audit.retention-days is 30");
    }
}

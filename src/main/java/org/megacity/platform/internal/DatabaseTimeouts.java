package org.megacity.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Bounds how long a request can wait on PostgreSQL that has gone silent (packets dropped rather
 * than refused: a cut network, a frozen host). The pool's connection timeout already bounds the wait
 * for a connection; a connection taken before the silence would wait for the kernel's TCP timeout
 * (many minutes). So PostgreSQL connections get pgjdbc's {@code socketTimeout}
 * ({@code megacity.database.socket-timeout}, default 60 s, {@code 0} for none; a URL that sets it
 * keeps its own): a statement whose answer does not start within it fails, and the connection is
 * dropped. Schema migrations at start-up (Flyway) may legitimately run longer, so their connections
 * have no socket timeout. H2 is embedded and needs none.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeouts {

    static boolean postgres(String url) {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    @Bean
    static BeanPostProcessor postgresSocketTimeout(@Value("${megacity.database.socket-timeout:60s}") Duration timeout) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool && postgres(pool.getJdbcUrl()) && !timeout.isZero()
                        && !pool.getJdbcUrl().contains("socketTimeout=")
                        && pool.getDataSourceProperties().getProperty("socketTimeout") == null) {
                    pool.addDataSourceProperty("socketTimeout", Long.toString(Math.max(1, timeout.toSeconds())));
                }
                return bean;
            }
        };
    }

    @Bean
    FlywayConfigurationCustomizer migrationsWithoutSocketTimeout(@Value("${spring.datasource.url:}") String url) {
        return configuration -> {
            DataSource target = configuration.getDataSource();
            if (target != null && postgres(url)) {
                configuration.dataSource(new DelegatingDataSource(target) {
                    @Override
                    public Connection getConnection() throws SQLException {
                        Connection connection = super.getConnection();
                        // the pool restores its default network timeout when the connection returns
                        connection.setNetworkTimeout(Runnable::run, 0);
                        return connection;
                    }
                });
            }
        };
    }
}

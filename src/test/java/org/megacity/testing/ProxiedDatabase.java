package org.megacity.testing;

import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A fresh PostgreSQL test database ({@link TestDatabase}) reached through a {@link TcpProxy}, so a
 * test can take the database away from the application without stopping the server that other
 * tests use. The proxy is a bean of the context ({@code TcpProxy}). PostgreSQL runs only: use with
 * {@code @EnabledIfSystemProperty(named = "megacity.test.db", matches = "postgres")}.
 */
public class ProxiedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!context.getEnvironment().getPropertySources().contains("megacityTestDatabase")) {
            new TestDatabase().initialize(context);
        }
        String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException("ProxiedDatabase needs PostgreSQL (-Dmegacity.test.db=postgres), not " + url);
        }
        URI target = URI.create(url.substring("jdbc:".length()));
        TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
        String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getRawPath()
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("databaseProxy", proxy);
        beans.registerDisposableBean("databaseProxyClose", proxy::close);
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("megacityProxiedDatabase", Map.of("spring.datasource.url", proxied)));
    }
}

package org.megacity.identity.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.megacity.identity.PublicAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters in front of everything: security headers first (so that even a refusal carries
 * them), then the body-size and rate limits, then the audit trail's filter and Spring Security.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class EdgeConfiguration {

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EdgeProtectionFilter> edgeProtectionFilter(EdgeSettings settings,
            ObjectProvider<PublicAccess> declared, ObjectProvider<MeterRegistry> meters) {
        List<String> publicWrites = declared.orderedStream()
                .flatMap(p -> java.util.stream.Stream.concat(p.pages().stream(), p.apiWrites().stream())).toList();
        MeterRegistry registry = meters.getIfAvailable();
        EdgeProtectionFilter filter = new EdgeProtectionFilter(settings, publicWrites, reason -> {
            if (registry != null) {
                registry.counter("megacity.edge.refused", "reason", reason).increment();
            }
        });
        FilterRegistrationBean<EdgeProtectionFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}

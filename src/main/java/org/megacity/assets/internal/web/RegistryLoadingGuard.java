package org.megacity.assets.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.megacity.assets.internal.AssetRegistryService;
import org.megacity.platform.Problems;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Until the registry has loaded from the database after a start, queries and analyses answer 503
 * with {@code Retry-After} instead of an empty result: an excavation check that found "no pipes"
 * only because the pipes were not loaded yet would be a dangerous answer. The summary
 * ({@code GET /api/v1/assets}, which says whether the registry is ready), the map layers (the page
 * shows that the index is loading) and imports (which wait for the load) are not guarded.
 */
@Configuration(proxyBeanMethods = false)
class RegistryLoadingGuard implements WebMvcConfigurer {

    static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final AssetRegistryService registry;

    RegistryLoadingGuard(AssetRegistryService registry) {
        this.registry = registry;
    }

    @Override
    public void addInterceptors(InterceptorRegistry interceptors) {
        interceptors.addInterceptor(new Guard(registry::ready))
                .addPathPatterns("/api/v1/assets/**", "/ogcapi/collections/*/items", "/ogcapi/collections/*/items/**",
                        "/api/v1/ogcapi/collections/*/items", "/api/v1/ogcapi/collections/*/items/**")
                .excludePathPatterns("/api/v1/assets/map/**", "/api/v1/assets/import");
    }

    /** Answers 503 while {@code ready} is false. */
    record Guard(BooleanSupplier ready) implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!ready.getAsBoolean()) {
                throw Problems.unavailable("the asset registry is still loading from the database after the start;"
                        + " try again in " + RETRY_AFTER.toSeconds() + " s", RETRY_AFTER);
            }
            return true;
        }
    }
}

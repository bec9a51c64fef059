package org.megacity.assets.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.megacity.assets.internal.AssetRegistryService;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
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

    static final String RETRY_AFTER_SECONDS = "10";

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
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws IOException {
            if (ready.getAsBoolean()) {
                return true;
            }
            response.setStatus(503);
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"detail\":\"the asset registry is still loading from the database after the start;"
                    + " try again in " + RETRY_AFTER_SECONDS + " s\",\"instance\":\"" + json(request.getRequestURI())
                    + "\"}");
            return false;
        }

        private static String json(String text) {
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}

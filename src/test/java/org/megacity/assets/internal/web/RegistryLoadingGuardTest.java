package org.megacity.assets.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RegistryLoadingGuardTest {

    @Test
    void whileTheRegistryLoadsAnAnalysisIsRefusedWithRetryAfterRatherThanAnsweredEmpty() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        RegistryLoadingGuard.Guard guard = new RegistryLoadingGuard.Guard(ready::get);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/assets/analysis/excavation");
        MockHttpServletResponse loading = new MockHttpServletResponse();

        assertThat(guard.preHandle(request, loading, new Object())).isFalse();
        assertThat(loading.getStatus()).isEqualTo(503);
        assertThat(loading.getHeader("Retry-After")).isEqualTo("10");
        assertThat(loading.getContentType()).startsWith("application/problem+json");
        assertThat(loading.getContentAsString()).contains("\"status\":503").contains("still loading")
                .contains("/api/v1/assets/analysis/excavation");

        ready.set(true);
        MockHttpServletResponse loaded = new MockHttpServletResponse();
        assertThat(guard.preHandle(request, loaded, new Object())).isTrue();
        assertThat(loaded.getStatus()).isEqualTo(200);
    }
}

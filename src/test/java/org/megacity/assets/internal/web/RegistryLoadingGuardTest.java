package org.megacity.assets.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.ErrorResponseException;

class RegistryLoadingGuardTest {

    @Test
    void whileTheRegistryLoadsAnAnalysisIsRefusedWithRetryAfterRatherThanAnsweredEmpty() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        RegistryLoadingGuard.Guard guard = new RegistryLoadingGuard.Guard(ready::get);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/assets/analysis/excavation");

        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                () -> guard.preHandle(request, new MockHttpServletResponse(), new Object()));
        assertThat(refused.getStatusCode().value()).isEqualTo(503);
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("10");
        assertThat(refused.getBody().getDetail()).contains("still loading");

        ready.set(true);
        MockHttpServletResponse loaded = new MockHttpServletResponse();
        assertThat(guard.preHandle(request, loaded, new Object())).isTrue();
        assertThat(loaded.getStatus()).isEqualTo(200);
    }
}

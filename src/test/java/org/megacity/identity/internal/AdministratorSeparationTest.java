package org.megacity.identity.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.megacity.identity.Role;
import org.springframework.web.ErrorResponseException;

/** 三员分立: no account may hold two of the three administrator roles. */
class AdministratorSeparationTest {

    static final Role[] ADMINISTRATORS = {Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN};

    @Test
    void exactlyThreeRolesAreAdministrators() {
        assertThatCode(() -> Arrays.stream(Role.values()).filter(Role::administrator).toList()
                .equals(Arrays.asList(ADMINISTRATORS))).doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThat(Arrays.stream(Role.values()).filter(Role::administrator))
                .containsExactly(ADMINISTRATORS);
    }

    @Test
    void everyPairOfAdministratorRolesIsRefused() {
        for (Role a : ADMINISTRATORS) {
            for (Role b : ADMINISTRATORS) {
                if (a != b) {
                    assertThatThrownBy(() -> AccountAdministration.checkSeparation(EnumSet.of(a, b)))
                            .isInstanceOf(ErrorResponseException.class)
                            .hasMessageContaining("at most one administrator role");
                }
            }
        }
        assertThatThrownBy(() -> AccountAdministration.checkSeparation(EnumSet.of(Role.SYSTEM_ADMIN,
                Role.SECURITY_ADMIN, Role.AUDIT_ADMIN))).isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void oneAdministratorRoleOrOnlyWorkRolesAreAllowed() {
        for (Role a : ADMINISTRATORS) {
            assertThatCode(() -> AccountAdministration.checkSeparation(Set.of(a))).doesNotThrowAnyException();
        }
        assertThatCode(() -> AccountAdministration.checkSeparation(EnumSet.of(Role.INSPECTOR, Role.DISPATCHER,
                Role.SUPERVISOR))).doesNotThrowAnyException();
    }

    @Test
    void theInitialAdministratorsHoldOneRoleEach() {
        for (InitialAdministrators.Initial initial : InitialAdministrators.ADMINISTRATORS) {
            assertThatCode(() -> AccountAdministration.checkSeparation(Set.of(initial.role())))
                    .doesNotThrowAnyException();
        }
        org.assertj.core.api.Assertions.assertThat(InitialAdministrators.ADMINISTRATORS.stream()
                .map(InitialAdministrators.Initial::role)).containsExactlyInAnyOrder(ADMINISTRATORS);
    }
}

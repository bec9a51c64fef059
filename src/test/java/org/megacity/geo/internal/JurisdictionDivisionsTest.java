package org.megacity.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.Geography;
import org.megacity.testing.TinyCity;

class JurisdictionDivisionsTest {

    final Geography geography = mock(Geography.class);
    final JurisdictionDivisions divisions = new JurisdictionDivisions(geography);

    @Test
    void acceptsAnExistingDivision() {
        when(geography.division(DivisionCode.of("500103"))).thenReturn(Optional.of(TinyCity.divisions().get(0)));

        assertThat(divisions.problem("500103")).isEmpty();
    }

    @Test
    void namesAnUnknownDivision() {
        when(geography.division(any())).thenReturn(Optional.empty());

        assertThat(divisions.problem("999999")).hasValue("division 999999 does not exist");
    }

    @Test
    void explainsAMalformedCode() {
        assertThat(divisions.problem("50010")).hasValueSatisfying(p -> assertThat(p).contains("6 (district)"));
        assertThat(divisions.problem("5001O3")).hasValueSatisfying(p -> assertThat(p).contains("only digits"));
    }
}

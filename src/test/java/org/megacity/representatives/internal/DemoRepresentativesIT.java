package org.megacity.representatives.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.Geography;
import org.megacity.organization.Organization;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** The demo registry and suggestions: seeded once, at the stages the desks show, and not again. */
@IntegrationTest
@DirtiesContext
class DemoRepresentativesIT {

    @Autowired
    DemoRepresentatives demo;
    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsDeputiesStationsPointsAndSuggestionsAtSeveralStagesOnce(@Autowired Geography geography,
            @Autowired Organization organization) {
        CaseFixtures.city(geography, organization);
        assertThat(demo.seed()).isTrue();
        assertThat(jdbc.sql("select count(*) from rep_deputy").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from rep_contact_point").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select state from rep_suggestion order by number").query(String.class).list())
                .containsExactly("SUBMITTED", "ASSIGNED", "REPLIED", "CLOSED");
        assertThat(demo.seed()).isFalse();
    }
}

package org.megacity.citymodel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.megacity.geo.CoordinateFrame;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.organization.CentreLevel;
import org.megacity.organization.Departments;
import org.megacity.organization.OperationCentres;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code ./megacity demo --scale small} on an empty database: the city is generated and loaded before
 * the application is ready, and a second start finds it and leaves it alone.
 */
@IntegrationTest
@TestPropertySource(properties = {"megacity.demo.enabled=true", "megacity.demo.scale=small"})
class DemoCityIT {

    @Autowired
    Geography geography;

    @Autowired
    Departments departments;

    @Autowired
    OperationCentres centres;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoStartup startup;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    MockMvc mvc;

    @org.junit.jupiter.api.BeforeEach
    void mockMvc() {
        mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void theFirstStartGeneratesTheSmallCityWithItsOrganization() {
        assertThat(geography.count(DivisionLevel.DISTRICT)).isEqualTo(3);
        assertThat(geography.count(DivisionLevel.STREET)).isEqualTo(18);
        assertThat(geography.count(DivisionLevel.COMMUNITY)).isEqualTo(180);
        assertThat(geography.count(DivisionLevel.GRID)).isBetween(900, 1_100);

        assertThat(departments.all()).hasSize(13);
        assertThat(departments.all()).filteredOn(d -> !d.code().value().equals("hotline-12345"))
                .allSatisfy(d -> assertThat(d.branches()).hasSize(3));
        assertThat(centres.count(CentreLevel.CITY)).isEqualTo(1);
        assertThat(centres.count(CentreLevel.DISTRICT)).isEqualTo(3);
        assertThat(centres.count(CentreLevel.STREET)).isEqualTo(18);
    }

    @Test
    void aPointInTheCityLiesInAGridWhoseStreetHasACentre() {
        var location = geography.locate(106.55, 29.56, CoordinateFrame.WGS84).orElseThrow();

        var centre = centres.responsibleFor(org.megacity.geo.DivisionCode.of(location.grid().code())).orElseThrow();
        assertThat(centre.level()).isEqualTo(CentreLevel.STREET);
        assertThat(centre.division().value()).isEqualTo(location.street().code());
        assertThat(centre.name()).startsWith(location.street().name());
    }

    @Test
    void aSecondStartFindsTheCityAndDoesNotRegenerate() throws Exception {
        String before = geography.division(org.megacity.geo.DivisionCode.of("500101")).orElseThrow().boundary().toText();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            startup.run(null);
        } finally {
            System.setOut(stdout);
        }

        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("not generating");
        assertThat(jdbc.sql("select count(*) from citymodel_generation").query(Integer.class).single()).isEqualTo(1);
        assertThat(geography.division(org.megacity.geo.DivisionCode.of("500101")).orElseThrow().boundary().toText())
                .isEqualTo(before);
    }

    @Test
    @WithMockUser
    void servesTheRiversAsGeoJson() throws Exception {
        mvc.perform(get("/api/v1/citymodel/landscape"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features.length()").value(2))
                .andExpect(jsonPath("$.features[?(@.id == 'river-yangtze')].properties.name").value("长江"))
                .andExpect(jsonPath("$.features[?(@.id == 'river-jialing')].properties.nameEn").value("Jialing River"))
                .andExpect(jsonPath("$.features[0].geometry.type").value(org.hamcrest.Matchers.oneOf("Polygon", "MultiPolygon")));
    }

    @Test
    void theLandscapeNeedsASignedInUser() throws Exception {
        mvc.perform(get("/api/v1/citymodel/landscape")).andExpect(status().isUnauthorized());
    }
}

package org.megacity.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.geo.ImportOutcome;
import org.megacity.identity.Administrators;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** The map's vector layers, as the map page asks for them. */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
class MapLayersIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    Geography geography;

    String token;

    @BeforeEach
    void cityAndAdministrator() throws Exception {
        if (geography.count(DivisionLevel.GRID) == 0) {
            assertThat(geography.importDivisions(TinyCity.divisions())).isInstanceOf(ImportOutcome.Imported.class);
        }
        token = new Administrators(mvc, data).sysadmin();
    }

    @Test
    void servesTheDistrictsWithoutABox() throws Exception {
        mvc.perform(get("/api/v1/console/map-layer").param("level", "district")
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features.length()").value(1))
                .andExpect(jsonPath("$.features[0].properties.code").value(TinyCity.DISTRICT))
                .andExpect(jsonPath("$.features[0].properties.nameEn").value("Yuzhong District"))
                .andExpect(jsonPath("$.features[0].geometry.type").value("Polygon"));
    }

    @Test
    void servesTheGridsInsideTheVisibleBox() throws Exception {
        String westHalf = TinyCity.WEST + "," + TinyCity.SOUTH + "," + (TinyCity.WEST + 0.0029) + "," + TinyCity.NORTH;
        mvc.perform(get("/api/v1/console/map-layer").param("level", "grid").param("bbox", westHalf)
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features.length()").value(12))
                .andExpect(jsonPath("$.truncated").value(false));
    }

    @Test
    void refusesGridsWithoutABoxAndNamesTheField() throws Exception {
        mvc.perform(get("/api/v1/console/map-layer").param("level", "grid")
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("bbox"));
        mvc.perform(get("/api/v1/console/map-layer").param("level", "grid").param("bbox", "106,29,east,30")
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bbox"));
    }

    @Test
    void refusesAnUnknownLevel() throws Exception {
        mvc.perform(get("/api/v1/console/map-layer").param("level", "province")
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void showsNothingToAnAnonymousCaller() throws Exception {
        mvc.perform(get("/api/v1/console/map-layer").param("level", "district"))
                .andExpect(status().isUnauthorized());
    }
}

package org.megacity.assets.ogc;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.megacity.assets.AssetFixtures;
import org.megacity.assets.AssetRegistry;
import org.megacity.geo.Geography;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * OGC API – Features – Part 1, requirements class GeoJSON
 * (http://www.opengis.net/spec/ogcapi-features-1/1.0/req/geojson).
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcGeoJsonConformanceIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    Geography geography;
    @Autowired
    AssetRegistry registry;

    @BeforeAll
    void assets() throws Exception {
        AssetFixtures.load(mvc, data, geography, registry);
    }

    /** /req/geojson/conformance: GeoJSON is declared. */
    @Test
    void declared() throws Exception {
        mvc.perform(get("/ogcapi/conformance"))
                .andExpect(jsonPath("$.conformsTo[1]").value("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"));
    }

    /** /req/geojson/content: items are a GeoJSON FeatureCollection of Features with the OGC members, in application/geo+json. */
    @Test
    void featureCollectionsAreGeoJson() throws Exception {
        mvc.perform(get("/ogcapi/collections/renewal-projects/items").param("f", "json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[*].type", everyItem(is("Feature"))))
                .andExpect(jsonPath("$.features[0].geometry.type").value("Polygon"))
                .andExpect(jsonPath("$.features[0].properties.phase").value("construction"))
                .andExpect(jsonPath("$.numberReturned").value(1));
        mvc.perform(get("/ogcapi/collections/components/items"))
                .andExpect(jsonPath("$.features[*].geometry.type", everyItem(is("Point"))))
                .andExpect(jsonPath("$.features[*].properties.status", everyItem(oneOf("intact", "damaged"))));
    }

    /** /req/geojson/definition: a single feature is a GeoJSON Feature; only json is offered (f=html is a 400). */
    @Test
    void aFeatureIsGeoJson() throws Exception {
        mvc.perform(get("/ogcapi/collections/parks/items/40").param("f", "json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andExpect(jsonPath("$.geometry.coordinates[0][0][0]").value(106.5702))
                .andExpect(jsonPath("$.properties.facilities[1]").value("playground"));
        mvc.perform(get("/ogcapi/collections/parks/items/40").param("f", "html")).andExpect(status().isBadRequest());
    }
}

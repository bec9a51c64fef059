package org.megacity.assets.ogc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * OGC API – Features – Part 1, requirements class OpenAPI 3.0
 * (http://www.opengis.net/spec/ogcapi-features-1/1.0/req/oas30).
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
class OgcOas30ConformanceIT {

    @Autowired
    MockMvc mvc;

    /** /req/oas30/oas-definition-1, -2: the service-desc link leads to an OpenAPI 3.0 document in its media type. */
    @Test
    void theDefinitionIsOpenApi30() throws Exception {
        mvc.perform(get("/ogcapi"))
                .andExpect(jsonPath("$.links[?(@.rel == 'service-desc')].type",
                        hasItem("application/vnd.oai.openapi+json;version=3.0")));
        mvc.perform(get("/ogcapi/api")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/vnd.oai.openapi+json"))
                .andExpect(jsonPath("$.openapi", startsWith("3.0")))
                .andExpect(jsonPath("$.servers[0].url", containsString("/ogcapi")));
    }

    /** /req/oas30/oas-impl: every resource of the API is described, with its parameters. */
    @Test
    void everyResourceIsDescribed() throws Exception {
        mvc.perform(get("/ogcapi/api"))
                .andExpect(jsonPath("$.paths['/'].get.operationId").value("getLandingPage"))
                .andExpect(jsonPath("$.paths['/conformance'].get").exists())
                .andExpect(jsonPath("$.paths['/api'].get").exists())
                .andExpect(jsonPath("$.paths['/collections'].get").exists())
                .andExpect(jsonPath("$.paths['/collections/{collectionId}'].get").exists())
                .andExpect(jsonPath("$.paths['/collections/{collectionId}/items/{featureId}'].get").exists())
                .andExpect(jsonPath("$.paths['/collections/{collectionId}/items'].get.parameters[*].$ref",
                        hasItem("#/components/parameters/bbox")))
                .andExpect(jsonPath("$.components.parameters.limit.schema.maximum").value(10000))
                .andExpect(jsonPath("$.components.parameters.limit.schema.default").value(10))
                .andExpect(jsonPath("$.components.parameters.collectionId.schema.enum", hasItem("parks")))
                .andExpect(jsonPath("$.paths['/collections/{collectionId}/items'].get.responses.400").exists());
    }

    /** /req/oas30/completeness: the public definition lists only the public collections. */
    @Test
    void thePublicDefinitionListsThePublicCollections() throws Exception {
        mvc.perform(get("/ogcapi/api"))
                .andExpect(jsonPath("$.components.parameters.collectionId.schema.enum.length()").value(4));
    }
}

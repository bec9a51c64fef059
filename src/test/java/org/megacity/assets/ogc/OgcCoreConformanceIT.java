package org.megacity.assets.ogc;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.megacity.identity.Administrators.bearer;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * OGC API – Features – Part 1, requirements class Core
 * (http://www.opengis.net/spec/ogcapi-features-1/1.0/req/core), one test per requirement group.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcCoreConformanceIT {

    static final String ROOT = "/ogcapi";

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    Geography geography;
    @Autowired
    AssetRegistry registry;

    String admin;

    @BeforeAll
    void assets() throws Exception {
        admin = AssetFixtures.load(mvc, data, geography, registry);
    }

    /** /req/core/root-op, /req/core/root-success: links to self, service-desc, conformance and data. */
    @Test
    void landingPage() throws Exception {
        mvc.perform(get(ROOT)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.links[*].rel", containsInAnyOrder("self", "service-desc", "conformance", "data")))
                .andExpect(jsonPath("$.links[?(@.rel == 'data')].href", hasItem(containsString("/ogcapi/collections"))));
    }

    /** /req/core/conformance-op, /req/core/conformance-success. */
    @Test
    void conformanceDeclaration() throws Exception {
        mvc.perform(get(ROOT + "/conformance")).andExpect(status().isOk())
                .andExpect(jsonPath("$.conformsTo", hasItem("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core")));
    }

    /** /req/core/fc-md-op, /req/core/fc-md-success, /req/core/fc-md-links, /req/core/fc-md-items, /req/core/fc-md-extent. */
    @Test
    void collections() throws Exception {
        mvc.perform(get(ROOT + "/collections")).andExpect(status().isOk())
                .andExpect(jsonPath("$.links[0].rel").value("self"))
                .andExpect(jsonPath("$.collections[*].id", hasItem("parks")))
                .andExpect(jsonPath("$.collections[?(@.id == 'parks')].links[*].rel", hasItem("items")))
                .andExpect(jsonPath("$.collections[?(@.id == 'parks')].extent.spatial.bbox[0][0]").exists());
        mvc.perform(get(ROOT + "/collections/parks")).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("parks"))
                .andExpect(jsonPath("$.itemType").value("feature"));
        mvc.perform(get(ROOT + "/collections/bridges")).andExpect(status().isNotFound());
    }

    /** /req/core/fc-op, /req/core/fc-response, /req/core/fc-limit-*, /req/core/fc-links, /req/core/fc-timeStamp, /req/core/fc-numberMatched, /req/core/fc-numberReturned. */
    @Test
    void itemsPageWithLimitAndLinks() throws Exception {
        mvc.perform(get(ROOT + "/collections/parcels/items").param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features.length()").value(1))
                .andExpect(jsonPath("$.numberReturned").value(1))
                .andExpect(jsonPath("$.numberMatched").value(2))
                .andExpect(jsonPath("$.timeStamp").exists())
                .andExpect(jsonPath("$.links[*].rel", containsInAnyOrder("self", "alternate", "next")))
                .andExpect(jsonPath("$.links[?(@.rel == 'next')].href", hasItem(containsString("offset=1"))));
        mvc.perform(get(ROOT + "/collections/parcels/items").param("limit", "1").param("offset", "1"))
                .andExpect(jsonPath("$.links[*].rel", containsInAnyOrder("self", "alternate", "prev")));
        mvc.perform(get(ROOT + "/collections/components/items"))
                .andExpect(jsonPath("$.numberReturned").value(2));
    }

    /** /req/core/fc-bbox-definition, /req/core/fc-bbox-response. */
    @Test
    void bboxSelectsByIntersection() throws Exception {
        mvc.perform(get(ROOT + "/collections/components/items").param("bbox", "106.5716,29.5523,106.5718,29.5525"))
                .andExpect(jsonPath("$.numberMatched").value(1))
                .andExpect(jsonPath("$.features[0].properties.code").value("5001030101000001"));
        mvc.perform(get(ROOT + "/collections/components/items").param("bbox", "106.5716,29.5523,0,106.5718,29.5525,100"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.numberMatched").value(1));
    }

    /** /req/core/query-param-invalid: a bbox that is not 4 or 6 numbers in range, a limit out of range, a bad datetime. */
    @Test
    void invalidParameterValuesAre400() throws Exception {
        for (String bbox : new String[] {"1,2,3", "a,b,c,d", "106,29,107,95", "-190,29,107,30", "106,30,107,29"}) {
            mvc.perform(get(ROOT + "/collections/parks/items").param("bbox", bbox))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("InvalidParameterValue"));
        }
        for (String limit : new String[] {"0", "10001", "ten"}) {
            mvc.perform(get(ROOT + "/collections/parks/items").param("limit", limit)).andExpect(status().isBadRequest());
        }
        mvc.perform(get(ROOT + "/collections/parks/items").param("datetime", "yesterday"))
                .andExpect(status().isBadRequest());
    }

    /** /req/core/query-param-unknown. */
    @Test
    void unknownParametersAre400() throws Exception {
        mvc.perform(get(ROOT + "/collections/parks/items").param("colour", "green")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.description", containsString("colour")));
        mvc.perform(get(ROOT + "/collections").param("bbox", "1,2,3,4")).andExpect(status().isBadRequest());
    }

    /** /req/core/fc-time-definition, /req/core/fc-time-response: pipe segments exist from their install year. */
    @Test
    void datetimeSelectsSegmentsInstalledByThen() throws Exception {
        mvc.perform(get("/api/v1/ogcapi/collections/pipe-segments/items").param("datetime", "2000-01-01T00:00:00Z")
                        .header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.numberMatched").value(0));
        mvc.perform(get("/api/v1/ogcapi/collections/pipe-segments/items").param("datetime", "2010-01-01/..")
                        .header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(jsonPath("$.numberMatched").value(9));
    }

    /** /req/core/f-op, /req/core/f-success, /req/core/f-links: one feature with self and collection links; 404 for none. */
    @Test
    void oneFeature() throws Exception {
        mvc.perform(get(ROOT + "/collections/parks/items/40")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andExpect(jsonPath("$.type").value("Feature"))
                .andExpect(jsonPath("$.id").value(40))
                .andExpect(jsonPath("$.links[*].rel", containsInAnyOrder("self", "alternate", "collection")));
        mvc.perform(get(ROOT + "/collections/parks/items/41")).andExpect(status().isNotFound());
        mvc.perform(get(ROOT + "/collections/parks/items/forty")).andExpect(status().isNotFound());
    }

    /** Pipe networks are not open data: absent from the public root, served behind a token. */
    @Test
    void pipeNetworksNeedAnAccount() throws Exception {
        mvc.perform(get(ROOT + "/collections")).andExpect(jsonPath("$.collections[*].id", not(hasItem("pipe-segments"))));
        mvc.perform(get(ROOT + "/collections/pipe-segments/items")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/ogcapi/collections/pipe-segments/items")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/ogcapi/collections/pipe-segments/items").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.numberMatched").value(9))
                .andExpect(jsonPath("$.links[0].href", containsString("/api/v1/ogcapi/collections/pipe-segments/items")));
    }
}

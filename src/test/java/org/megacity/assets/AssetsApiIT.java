package org.megacity.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.springframework.test.web.servlet.ResultActions;

/** The assets API on a real database: import all or nothing, features, nearby, the three analyses, export. */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssetsApiIT {

    static final String API = "/api/v1/assets";
    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    Geography geography;
    @Autowired
    AssetRegistry registry;

    @Autowired
    java.util.List<org.megacity.legislation.EvidenceSource> evidence;

    String admin;

    @BeforeAll
    void cityAssetsAndAdministrator() throws Exception {
        if (geography.count(DivisionLevel.GRID) == 0) {
            assertThat(geography.importDivisions(TinyCity.divisions())).isInstanceOf(ImportOutcome.Imported.class);
        }
        admin = new Administrators(mvc, data).sysadmin();
        mvc.perform(post(API + "/import").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType("application/geo+json").content(TestAssets.geoJson()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stored.pipe-segments").value(9))
                .andExpect(jsonPath("$.stored.pipe-nodes").value(12))
                .andExpect(jsonPath("$.stored.components").value(2));
    }

    ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(API + path).header(HttpHeaders.AUTHORIZATION, bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void countsWhatWasImportedAndServesAFeature() throws Exception {
        mvc.perform(get(API).header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ready").value(true))
                .andExpect(jsonPath("$.counts.parks").value(1))
                .andExpect(jsonPath("$.counts.parcels").value(2));
        mvc.perform(get(API + "/pipe-segments/12").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("Feature"))
                .andExpect(jsonPath("$.geometry.type").value("LineString"))
                .andExpect(jsonPath("$.properties.utility").value("water-supply"))
                .andExpect(jsonPath("$.properties.diameterMm").value(300));
        mvc.perform(get(API + "/pipe-segments/999").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void readsNeedAnAccount() throws Exception {
        mvc.perform(get(API + "/pipe-segments/12")).andExpect(status().isUnauthorized());
    }

    @Test
    void aFileWithProblemsIsRejectedWholeNamingEachFeature() throws Exception {
        String bad = """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","id":900,"geometry":{"type":"Point","coordinates":[106.571,29.552]},
                 "properties":{"layer":"pipe-nodes","utility":"gas","kind":"junction"}},
                {"type":"Feature","id":901,"geometry":{"type":"LineString","coordinates":[[106.571,29.552],[106.572,29.552]]},
                 "properties":{"layer":"pipe-segments","utility":"gas","from":900,"to":12345,"material":"PE",
                 "diameterMm":160,"installYear":2010,"pressureClass":"medium","depthM":1.1}},
                {"type":"Feature","id":902,"geometry":{"type":"Polygon","coordinates":[[[106.57,29.55],[106.58,29.56],
                 [106.58,29.55],[106.57,29.56],[106.57,29.55]]]},"properties":{"layer":"parcels","landUse":"R2","plotRatioLimit":2}},
                {"type":"Feature","id":903,"geometry":{"type":"Point","coordinates":[106.571,99]},
                 "properties":{"layer":"pipe-nodes","utility":"steam","kind":"junction"}}
                ]}""";
        mvc.perform(post(API + "/import").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType("application/geo+json").content(bad))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[*].field", hasItem("features[2].geometry")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("features[3].geometry.coordinates")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("features[3].properties.utility")));
        // the segment's missing node is found once the file parses cleanly
        String onlySegment = bad.substring(0, bad.indexOf(",\n{\"type\":\"Feature\",\"id\":902")) + "]}";
        mvc.perform(post(API + "/import").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType("application/geo+json").content(onlySegment))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("features[1]"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("node 12345")));
        assertThat(registry.find(AssetType.PIPE_NODE, 900)).isEmpty();
        mvc.perform(post(API + "/import").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType("application/geo+json").content("{\"type\":\"FeatureCollection\",\"features\":[{]}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void importsNeedTheSystemAdministrator() throws Exception {
        String auditor = new Administrators(mvc, data).auditadmin();
        mvc.perform(post(API + "/import").header(HttpHeaders.AUTHORIZATION, bearer(auditor))
                        .contentType("application/geo+json").content(TestAssets.geoJson()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anExcavationFindsThePipesWithinTheirSafetyDistanceAboveItsDepth() throws Exception {
        postJson("/analysis/excavation", "{\"polygon\":" + TestAssets.digPolygon() + ",\"depth\":1.0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.segments[*].id", containsInAnyOrder(12, 20)))
                .andExpect(jsonPath("$.segments[?(@.id == 12)].safetyDistanceM").value(1.5))
                .andExpect(jsonPath("$.segments[?(@.id == 20)].safetyDistanceM").value(5.0))
                .andExpect(jsonPath("$.components[0].code").value(TestAssets.COMPONENT))
                .andExpect(jsonPath("$.operators[*].code", containsInAnyOrder("gas", "water-supply")))
                .andExpect(jsonPath("$.safetyDistancesM.gas").value(5.0));
        // a deeper dig reaches the telecom duct 3 m down
        postJson("/analysis/excavation", "{\"polygon\":" + TestAssets.digPolygon() + ",\"depth\":3.0}")
                .andExpect(jsonPath("$.segments[*].id", hasItem(30)));
    }

    @Test
    void anExcavationRefusesBadInputNamingTheField() throws Exception {
        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[106.57,29.55],[106.58,29.56],[106.58,29.55],"
                + "[106.57,29.56],[106.57,29.55]]]}";
        postJson("/analysis/excavation", "{\"polygon\":" + bowtie + ",\"depth\":1}")
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("polygon"));
        postJson("/analysis/excavation", "{\"polygon\":" + TestAssets.digPolygon() + ",\"depth\":-1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("depth"));
        postJson("/analysis/excavation", "{\"polygon\":{\"type\":\"Point\",\"coordinates\":[1,2]},\"depth\":1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("polygon"));
    }

    @Test
    void isolatingABrokenSegmentClosesTheValvesAroundItAndCountsCustomersByCommunity() throws Exception {
        postJson("/analysis/isolation", "{\"segmentId\":12}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valves[*].id", containsInAnyOrder(2, 5)))
                .andExpect(jsonPath("$.isolatedSegments", containsInAnyOrder(11, 12, 13, 16)))
                .andExpect(jsonPath("$.cutOffSegments", containsInAnyOrder(11, 12, 13, 14, 15, 16)))
                .andExpect(jsonPath("$.customerConnections").value(2))
                .andExpect(jsonPath("$.byCommunity[*].community",
                        containsInAnyOrder(TinyCity.NORTH_WEST_COMMUNITY, TestAssets.EAST_NORTH_COMMUNITY)))
                .andExpect(jsonPath("$.cutOffArea.features.length()").value(6));
        postJson("/analysis/isolation", "{\"segmentId\":424242}")
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        postJson("/analysis/isolation", "{\"segmentId\":30}")
                .andExpect(status().isUnprocessableContent()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        postJson("/analysis/isolation", "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("segmentId"));
    }

    @Test
    void zoningJudgesEachParcelTheUseWouldTouch() throws Exception {
        String both = TestAssets.polygon(TinyCity.WEST + 0.0025, 29.5510, TinyCity.WEST + 0.0040, 29.5520);
        postJson("/analysis/zoning", "{\"polygon\":" + both + ",\"landUse\":\"B1\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parcels.length()").value(2))
                .andExpect(jsonPath("$.parcels[?(@.id == 50)].verdict").value("conditional"))
                .andExpect(jsonPath("$.parcels[?(@.id == 51)].verdict").value("prohibited"))
                .andExpect(jsonPath("$.verdict").value("prohibited"))
                .andExpect(jsonPath("$.permitted").value(false));
        String west = TestAssets.polygon(TinyCity.WEST + 0.0005, 29.5510, TinyCity.WEST + 0.0010, 29.5520);
        postJson("/analysis/zoning", "{\"polygon\":" + west + ",\"landUse\":\"R2\"}")
                .andExpect(jsonPath("$.verdict").value("permitted"));
        postJson("/analysis/zoning", "{\"polygon\":" + west + ",\"landUse\":\"housing\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("landUse"));
    }

    @Test
    void nearbyFindsTheClosestFirstAndRefusesAWildRadius() throws Exception {
        mvc.perform(get(API + "/nearby").param("lon", "106.5717").param("lat", "29.5524").param("radius", "50")
                        .param("types", "components,pipe-segments").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].distanceM").value(0.0))
                .andExpect(jsonPath("$.results[*].feature.properties.code", hasItem(TestAssets.COMPONENT)))
                .andExpect(jsonPath("$.results[*].feature.id", hasItem(12)))
                .andExpect(jsonPath("$.results[*].feature.properties.layer", not(hasItem("parks"))));
        mvc.perform(get(API + "/nearby").param("lon", "106.5717").param("lat", "29.5524").param("radius", "99999")
                        .param("types", "bridges").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("radius", "types")));
    }

    @Test
    void anExportImportsBackAndComponentsTravelAsCsv() throws Exception {
        String exported = mvc.perform(get(API + "/export/pipe-segments").header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(exported).startsWith("{\"type\":\"FeatureCollection\"");
        mvc.perform(post(API + "/import").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                        .contentType("application/geo+json").content(exported))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.replaced").value(9));
        String csv = mvc.perform(get(API + "/export/components").param("format", "csv")
                        .header(HttpHeaders.AUTHORIZATION, bearer(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("code,status,lon,lat\n").contains(TestAssets.COMPONENT + ",intact,");
        mvc.perform(post(API + "/import").header(HttpHeaders.AUTHORIZATION, bearer(admin)).contentType("text/csv")
                        .content("code,status,lon,lat\n5001030601000009,intact,106.571,29.551\n123,broken,x,29\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("line 3"));
        assertThat(registry.component(ComponentCode.of("5001030601000009"))).isEmpty();
        mvc.perform(post(API + "/import").header(HttpHeaders.AUTHORIZATION, bearer(admin)).contentType("text/csv")
                        .content("code,status,lon,lat\n5001030601000009,intact,106.571,29.551\n"))
                .andExpect(status().isCreated());
        assertThat(registry.component(ComponentCode.of("5001030601000009"))).isPresent();
    }

    @Test
    void legislatorsSeeThePipesByUtilityAndDistrictAndTheRenewalProjectsByPhase() {
        java.time.YearMonth now = java.time.YearMonth.now();
        var pipelines = evidence.stream().flatMap(e -> e.evidence(org.megacity.legislation.PriorityArea.PIPELINES, now, now)
                .stream()).filter(t -> t.source().equals("assets")).toList();
        assertThat(pipelines).extracting(org.megacity.legislation.EvidenceTable::breakdown)
                .containsExactly("utility", "utility", "district");
        assertThat(pipelines.get(0).rows()).filteredOn(r -> r.key().equals("water-supply"))
                .singleElement().satisfies(r -> assertThat(r.total()).isEqualTo(7));
        assertThat(pipelines.get(2).rows()).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo(TinyCity.DISTRICT));
        var renewal = evidence.stream().flatMap(e -> e.evidence(org.megacity.legislation.PriorityArea.URBAN_RENEWAL, now, now)
                .stream()).filter(t -> t.source().equals("assets")).toList();
        assertThat(renewal.get(0).rows()).filteredOn(r -> r.key().equals("construction"))
                .singleElement().satisfies(r -> assertThat(r.total()).isEqualTo(1));
        assertThat(renewal.get(1).rows()).filteredOn(r -> r.key().equals("construction"))
                .singleElement().satisfies(r -> assertThat(r.total()).isEqualTo(830));
    }

    @Test
    void aReloadFromTheDatabaseServesWhatWasServedBefore() {
        var service = (org.megacity.assets.internal.AssetRegistryService) registry;
        var before = java.util.Arrays.stream(AssetType.values()).map(registry::count).toList();
        Asset segment = registry.find(AssetType.PIPE_SEGMENT, 12).orElseThrow();
        Asset park = registry.find(AssetType.PARK, 40).orElseThrow();
        service.reload();
        assertThat(java.util.Arrays.stream(AssetType.values()).map(registry::count).toList()).isEqualTo(before);
        assertThat(registry.find(AssetType.PIPE_SEGMENT, 12)).contains(segment);
        assertThat(registry.find(AssetType.PARK, 40).orElseThrow().geometry().equalsExact(park.geometry())).isTrue();
        assertThat(registry.component(ComponentCode.of(TestAssets.COMPONENT))).isPresent();
    }
}

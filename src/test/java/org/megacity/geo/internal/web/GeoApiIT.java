package org.megacity.geo.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.DivisionsImported;
import org.megacity.geo.SyntheticCity;
import org.megacity.geo.internal.GeographyService;
import org.megacity.geo.internal.frame.Gcj02;
import org.megacity.geo.internal.geojson.GeoJsonText;
import org.megacity.geo.internal.geojson.GeoJsonWriter;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.Jurisdiction;
import org.megacity.identity.Role;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The geo API as a client sees it, on a small synthetic city (3 districts, about 1,000 grids)
 * imported through the API itself. Every bad upload of the list gets a 4xx problem+json
 * naming the feature and the problem, and leaves the city as it was.
 */
@IntegrationTest
@RecordApplicationEvents
@TestPropertySource(properties = {"megacity.geo.max-import-bytes=8MB", "megacity.geo.max-grids-per-request=500"})
@WithMockUser(roles = "SYSTEM_ADMIN")
class GeoApiIT {

    static final List<Division> CITY = SyntheticCity.generate(7, SyntheticCity.Plan.small());
    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    MockMvc mvc;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    @Autowired
    GeographyService geography;

    @Autowired
    SettableActor actor;

    /** The caller as each test sets it; the system until then (the start-up records audit events). */
    static final class SettableActor implements CurrentActor {
        private volatile Actor current = Actor.SYSTEM;

        void set(Actor actor) {
            current = actor;
        }

        @Override
        public Actor get() {
            return current;
        }
    }

    @org.springframework.boot.test.context.TestConfiguration
    static class Callers {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        SettableActor settableActor() {
            return new SettableActor();
        }
    }

    @BeforeEach
    void cityImported() throws Exception {
        mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        actor.set(new Actor("admin", "admin", Set.of(Role.SYSTEM_ADMIN), Jurisdiction.CITYWIDE));
        if (geography.count(DivisionLevel.GRID) == 0) {
            mvc.perform(post("/api/v1/geo/import").contentType(GEO_JSON).content(geoJson(CITY)))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.created").value(CITY.size()));
        }
    }

    static byte[] geoJson(List<Division> divisions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeoJsonWriter.write(out, divisions);
        return out.toByteArray();
    }

    static Division firstGrid() {
        return CITY.stream().filter(d -> d.level() == DivisionLevel.GRID).findFirst().orElseThrow();
    }

    // ---- locate

    @Test
    void locatesAPointToItsGridCommunityStreetAndDistrict() throws Exception {
        Division grid = firstGrid();
        Coordinate inside = grid.boundary().getInteriorPoint().getCoordinate();
        String code = grid.code().value();

        mvc.perform(get("/api/v1/geo/locate").param("lon", "" + inside.x).param("lat", "" + inside.y))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grid.code").value(code))
                .andExpect(jsonPath("$.grid.name").value(grid.name()))
                .andExpect(jsonPath("$.grid.nameEn").value(grid.nameEn()))
                .andExpect(jsonPath("$.community.code").value(code.substring(0, 12)))
                .andExpect(jsonPath("$.street.code").value(code.substring(0, 9)))
                .andExpect(jsonPath("$.district.code").value(code.substring(0, 6)))
                .andExpect(jsonPath("$.district.name").value("区1"));
    }

    @Test
    @WithMockUser(roles = "CITIZEN")
    void anyoneSignedInMayLocateAndGcj02InputIsConverted() throws Exception {
        Division grid = firstGrid();
        Coordinate inside = grid.boundary().getInteriorPoint().getCoordinate();
        double[] gcj = Gcj02.fromWgs84(inside.x, inside.y);

        mvc.perform(get("/api/v1/geo/locate").param("lon", "" + gcj[0]).param("lat", "" + gcj[1]).param("crs", "gcj02"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grid.code").value(grid.code().value()));
    }

    @Test
    void outsideTheCityIsA404Problem() throws Exception {
        mvc.perform(get("/api/v1/geo/locate").param("lon", "100").param("lat", "20"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Outside the city"))
                .andExpect(jsonPath("$.detail").value(containsString("outside every grid")));
    }

    @Test
    void badCoordinatesAreNamed() throws Exception {
        problem(mvc.perform(get("/api/v1/geo/locate").param("lat", "29.5")), 400).andExpect(field(0, "lon"));
        problem(mvc.perform(get("/api/v1/geo/locate").param("lon", "106.5").param("lat", "north")), 400)
                .andExpect(field(0, "lat"));
        problem(mvc.perform(get("/api/v1/geo/locate").param("lon", "206.5").param("lat", "29.5")), 400)
                .andExpect(field(0, "lon"));
        problem(mvc.perform(get("/api/v1/geo/locate").param("lon", "106.5").param("lat", "29.5").param("crs", "bd09")), 400)
                .andExpect(field(0, "crs"));
    }

    // ---- reading divisions

    @Test
    void listsDivisionsByLevelAndParentInPages() throws Exception {
        mvc.perform(get("/api/v1/geo/divisions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", hasItem("500103")))
                .andExpect(jsonPath("$.items[0].code").value("500101"))
                .andExpect(jsonPath("$.items[0].level").value("district"));
        mvc.perform(get("/api/v1/geo/divisions").param("level", "community").param("parent", "500102"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", everyItem(startsWith("500102"))))
                .andExpect(jsonPath("$.items[0].parent").value(startsWith("500102")));
        String next = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/geo/divisions")
                        .param("level", "street").param("limit", "2"))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andReturn().getResponse().getContentAsString(), "$.next");
        mvc.perform(get("/api/v1/geo/divisions").param("level", "street").param("limit", "2").param("cursor", next))
                .andExpect(jsonPath("$.items[0].code").value(org.hamcrest.Matchers.greaterThan(next)));
        mvc.perform(get("/api/v1/geo/divisions").param("parent", "500101001").param("geometry", "true"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(GEO_JSON))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[0].properties.code").value(startsWith("500101001")));
        problem(mvc.perform(get("/api/v1/geo/divisions").param("level", "village")), 400).andExpect(field(0, "level"));
    }

    @Test
    void aDivisionIsAGeoJsonFeature() throws Exception {
        mvc.perform(get("/api/v1/geo/divisions/500101001"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(GEO_JSON))
                .andExpect(jsonPath("$.type").value("Feature"))
                .andExpect(jsonPath("$.properties.code").value("500101001"))
                .andExpect(jsonPath("$.properties.level").value("street"))
                .andExpect(jsonPath("$.geometry.type").value(org.hamcrest.Matchers.oneOf("Polygon", "MultiPolygon")));
        problem(mvc.perform(get("/api/v1/geo/divisions/599999")), 404);
        problem(mvc.perform(get("/api/v1/geo/divisions/12ab")), 400).andExpect(field(0, "code"));
    }

    @Test
    void gridsInABoxAndTooLargeABoxIsRefused() throws Exception {
        Coordinate c = firstGrid().boundary().getInteriorPoint().getCoordinate();
        mvc.perform(get("/api/v1/geo/grids").param("bbox", (c.x - 0.0005) + "," + (c.y - 0.0005) + "," + (c.x + 0.0005) + ","
                        + (c.y + 0.0005)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(GEO_JSON))
                .andExpect(jsonPath("$.features[*].properties.code", hasItem(firstGrid().code().value())));
        problem(mvc.perform(get("/api/v1/geo/grids").param("bbox", "100,20,110,35")), 400)
                .andExpect(field(0, "bbox"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("more than the 500")));
        problem(mvc.perform(get("/api/v1/geo/grids").param("bbox", "1,2,3")), 400).andExpect(field(0, "bbox"));
    }

    @Test
    void readsAreScopedToTheJurisdiction() throws Exception {
        actor.set(new Actor("s", "street-officer", Set.of(Role.DISPATCHER),
                new Jurisdiction(false, Set.of("500102001"), Set.of())));

        mvc.perform(get("/api/v1/geo/divisions"))
                .andExpect(jsonPath("$.items[*].code", org.hamcrest.Matchers.contains("500102")));
        mvc.perform(get("/api/v1/geo/divisions").param("parent", "500102"))
                .andExpect(jsonPath("$.items[*].code", org.hamcrest.Matchers.contains("500102001")));
        problem(mvc.perform(get("/api/v1/geo/divisions/500101")), 404);
        mvc.perform(get("/api/v1/geo/export").param("level", "community"))
                .andExpect(jsonPath("$.features[*].properties.code", everyItem(startsWith("500102001"))));
    }

    // ---- export and import

    @Test
    void anExportImportsBackReplacingEverything(@Autowired ApplicationEvents events) throws Exception {
        byte[] exported = mvc.perform(get("/api/v1/geo/export"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(GEO_JSON))
                .andExpect(header().string("Content-Disposition", containsString(".geojson")))
                .andReturn().getResponse().getContentAsByteArray();

        int features = com.jayway.jsonpath.JsonPath.<List<?>>read(new String(exported), "$.features").size();
        assertThat(features).isGreaterThanOrEqualTo(CITY.size());

        mvc.perform(post("/api/v1/geo/import").contentType(MediaType.APPLICATION_JSON).content(exported))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.replaced").value(features));
        assertThat(events.stream(DivisionsImported.class)).anySatisfy(e -> assertThat(e.codes()).hasSize(features));

        byte[] again = mvc.perform(get("/api/v1/geo/export")).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(again)).isEqualTo(new String(exported));
        mvc.perform(get("/api/v1/geo/export").param("parent", "500101001").param("level", "grid"))
                .andExpect(jsonPath("$.features[*].properties.code", everyItem(startsWith("500101001"))))
                .andExpect(jsonPath("$.features[*].properties.level", everyItem(org.hamcrest.Matchers.is("grid"))));
    }

    @Test
    @WithMockUser(roles = "DISPATCHER")
    void onlySystemAdministratorsImport() throws Exception {
        problem(mvc.perform(post("/api/v1/geo/import").contentType(GEO_JSON)
                .content(GeoJsonText.collection().square("510101", 104, 30.5, 0.01).bytes())), 403);
        problem(mvc.perform(post("/api/v1/geo/divisions/500101001001/grids")), 403);
        assertThat(geography.division(org.megacity.geo.DivisionCode.of("510101"))).isEmpty();
    }

    @Test
    void aNewDistrictWithAStreetAndACommunityGetsGridsOnce() throws Exception {
        mvc.perform(post("/api/v1/geo/import").contentType(GEO_JSON).content(GeoJsonText.collection()
                        .square("510102", 104.10, 30.50, 0.004)
                        .square("510102001", 104.10, 30.50, 0.004)
                        .square("510102001001", 104.10, 30.50, 0.004).bytes()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(3));

        mvc.perform(post("/api/v1/geo/divisions/510102001001/grids").param("cellArea", "40000"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(org.hamcrest.Matchers.greaterThan(3)))
                .andExpect(jsonPath("$.codes[0]").value("510102001001001"));
        mvc.perform(get("/api/v1/geo/locate").param("lon", "104.1001").param("lat", "30.5039"))
                .andExpect(jsonPath("$.grid.code").value("510102001001001"));
        problem(mvc.perform(post("/api/v1/geo/divisions/510102001001/grids")), 409);
        problem(mvc.perform(post("/api/v1/geo/divisions/510102001/grids")), 400).andExpect(field(0, "community"));
        problem(mvc.perform(post("/api/v1/geo/divisions/510102001999/grids")), 404);
    }

    // ---- the list of bad input: 4xx, named, and nothing imported

    @Test
    void aSelfIntersectingPolygonIsRejected() throws Exception {
        rejected(GeoJsonText.collection().polygon("510111", 104, 30, 104.01, 30.01, 104.01, 30, 104, 30.01, 104, 30),
                "510111", "self-intersection at (104.0050000, 30.0050000)");
    }

    @Test
    void anUnclosedRingIsRejected() throws Exception {
        rejected(GeoJsonText.collection().polygon("510112", 104, 30, 104.01, 30, 104.01, 30.01, 104, 30.01),
                "510112", "not closed");
    }

    @Test
    void wrongWindingIsRejectedUnlessLenient() throws Exception {
        GeoJsonText clockwise = GeoJsonText.collection()
                .polygon("510113", 104.3, 30, 104.3, 30.01, 104.31, 30.01, 104.31, 30, 104.3, 30);
        rejected(clockwise, "510113", "wound clockwise");

        mvc.perform(post("/api/v1/geo/import").param("winding", "lenient").contentType(GEO_JSON).content(clockwise.bytes()))
                .andExpect(status().isCreated());
        assertThat(geography.division(org.megacity.geo.DivisionCode.of("510113"))).isPresent();
    }

    @Test
    void aMissingCodeIsRejected() throws Exception {
        rejected(GeoJsonText.collection().square("510114", 104.4, 30, 0.01)
                        .feature("{\"name\":\"无码\"}", "{\"type\":\"Polygon\",\"coordinates\":["
                                + GeoJsonText.ring(104.5, 30, 104.51, 30, 104.51, 30.01, 104.5, 30) + "]}"),
                "features[1]", "property \"code\" is missing");
        assertThat(geography.division(org.megacity.geo.DivisionCode.of("510114"))).isEmpty();
    }

    @Test
    void duplicateCodesAreRejected() throws Exception {
        rejected(GeoJsonText.collection().square("510115", 104.6, 30, 0.01).square("510115", 104.7, 30, 0.01),
                "510115", "appears 2 times in this import (features[0], features[1])");
    }

    @Test
    void coordinatesOutOfRangeAreRejected() throws Exception {
        rejected(GeoJsonText.collection().polygon("510116", 104, 30, 190, 30, 190, 95, 104, 30),
                "510116", "out of range");
    }

    @Test
    void overlappingSiblingsAreRejected() throws Exception {
        rejected(GeoJsonText.collection().square("510117", 104.8, 30, 0.01).square("510118", 104.805, 30.005, 0.01),
                "510117", "overlaps 510118 by");
    }

    @Test
    void aGapBetweenChildrenIsRejected() throws Exception {
        rejected(GeoJsonText.collection()
                        .square("510119", 104.9, 30, 0.01)
                        .polygon("510119001", 104.9, 30, 104.904, 30, 104.904, 30.01, 104.9, 30.01, 104.9, 30)
                        .polygon("510119002", 104.905, 30, 104.91, 30, 104.91, 30.01, 104.905, 30.01, 104.905, 30),
                "510119001", "leave a gap of");
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        problem(mvc.perform(post("/api/v1/geo/import").contentType(GEO_JSON).content("{\"type\":\"FeatureCollection\",")),
                400).andExpect(jsonPath("$.errors[0].message").value(startsWith("malformed JSON")));
    }

    @Test
    void anUploadOverTheLimitIsA413AndNothingIsStored() throws Exception {
        long limit = 8L * 1024 * 1024;
        String head = new String(GeoJsonText.collection().square("510120", 105, 30, 0.01).bytes());
        StringBuilder body = new StringBuilder(head.substring(0, head.length() - 2));
        while (body.length() <= limit) {
            body.append(",{\"type\":\"Feature\",\"properties\":{\"code\":\"510121\"},\"geometry\":null}");
        }
        body.append("]}");

        problem(mvc.perform(post("/api/v1/geo/import").contentType(GEO_JSON).content(body.toString())), 413)
                .andExpect(jsonPath("$.detail").value(containsString("nothing was stored")));
        assertThat(geography.division(org.megacity.geo.DivisionCode.of("510120"))).isEmpty();
    }

    private void rejected(GeoJsonText upload, String feature, String message) throws Exception {
        int before = geography.atlas().size();
        problem(mvc.perform(post("/api/v1/geo/import").contentType(GEO_JSON).content(upload.bytes())), 422)
                .andExpect(jsonPath("$.errors[?(@.field == '" + feature + "')].message", hasItem(containsString(message))))
                .andExpect(jsonPath("$.detail").value(containsString("nothing was stored")));
        assertThat(geography.atlas().size()).isEqualTo(before);
    }

    private static ResultActions problem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static org.springframework.test.web.servlet.ResultMatcher field(int index, String name) {
        return jsonPath("$.errors[" + index + "].field").value(name);
    }
}

package org.megacity.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.Hostile;
import org.megacity.testing.HostileHttp;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hostile input to assets (see {@link Hostile}): imports in GeoJSON (the test city's assets, whole and
 * in parts) and in the components' CSV, the analyses' polygons, and the query parameters of the
 * asset reads and of OGC API – Features (bbox, limit, offset, datetime, f). Never a 5xx; an import
 * is all or nothing: refused, it leaves every asset table as it was.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileAssetInputIT {

    static final String API = "/api/v1/assets";
    static final List<String> TABLES = List.of("asset_pipe_node", "asset_pipe_segment", "asset_park", "asset_parcel",
            "asset_renewal_project", "asset_component");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    HostileHttp http;
    String admin;

    @BeforeAll
    void cityAndAssets(@Autowired Geography geography, @Autowired Organization organization,
            @Autowired AssetRegistry registry, @Autowired DataDirectory data) throws Exception {
        if (geography.count(DivisionLevel.GRID) == 0) {
            CaseFixtures.city(geography, organization);
        }
        admin = AssetFixtures.load(mvc, data, geography, registry);
        http = new HostileHttp(port);
    }

    @AfterAll
    void nothingFound() {
        http.assertNothingFound();
    }

    Map<String, Long> rows() {
        return HostileHttp.rows(jdbc, TABLES.toArray(String[]::new));
    }

    /** The test city's assets as a whole, and parts of them (one feature a line) as smaller collections. */
    static List<String> geoJsonSamples() {
        String all = TestAssets.geoJson();
        List<String> features = new ArrayList<>();
        for (String line : all.split("\n")) {
            if (line.startsWith("{\"type\":\"Feature\"") || line.startsWith("{\"type\": \"Feature\"")) {
                features.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
            }
        }
        List<String> samples = new ArrayList<>(List.of(all));
        for (int from = 0; from < features.size(); from += 4) {
            samples.add("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",",
                    features.subList(from, Math.min(features.size(), from + 4))) + "]}");
        }
        return samples;
    }

    void importing(String family, String contentType, byte[] body) {
        Map<String, Long> before = rows();
        var r = http.post(family, API + "/import", contentType, body, HttpHeaders.AUTHORIZATION, bearer(admin));
        if (r.status() != 201) {
            http.expect(family + ": a refused import changes no asset table", before, rows(),
                    () -> r.status() + " " + HostileHttp.abbreviate(new String(body, StandardCharsets.UTF_8), 400));
        }
    }

    @Test
    void geoJsonImportsAreAllOrNothing() {
        Hostile.theory("asset GeoJSON imports").forAll(Hostile.bodies(geoJsonSamples()))
                .checkAssert(body -> importing("asset-geojson", "application/geo+json", body));
        assertThat(http.count("asset-geojson", 201)).as("accepted imports").isPositive();
        assertThat(http.answered("asset-geojson", s -> s >= 400 && s < 500)).as("refused imports").isPositive();
    }

    @Test
    void csvImportsAreAllOrNothing() {
        List<String> valid = List.of("code,status,lon,lat\n5001030601000009,intact,106.571,29.551\n",
                "code,status,lon,lat\n" + TestAssets.COMPONENT + ",damaged,106.5717,29.5524\n5001030301000002,intact,106.5760,29.5505\n",
                "\uFEFFcode,status,lon,lat\r\n5001030601000010,missing,106.5712,29.5512\r\n");
        Hostile.theory("asset CSV imports").forAll(Hostile.bodies(valid))
                .checkAssert(body -> importing("asset-csv", "text/csv", body));
        assertThat(http.count("asset-csv", 201)).as("accepted imports").isPositive();
    }

    /** Found by the fuzzer: a coordinate of hundreds of digits once answered 500. */
    @Test
    void analysisPolygonsWithOverlongNumbersAreRefusedNamingTheField() {
        String digits = "9".repeat(400);
        for (String coordinate : List.of(digits, digits + ".5", "106." + digits, "1e400", "-1e400",
                "106.5" + "0".repeat(1200), "0." + "0".repeat(400) + "1")) {
            String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[" + coordinate + ",29.551],[106.574,29.551],"
                    + "[106.574,29.552],[106.573,29.552],[" + coordinate + ",29.551]]]}";
            for (String analysis : List.of("zoning", "excavation")) {
                var r = http.post("overlong-number", API + "/analysis/" + analysis, "application/json",
                        ("{\"polygon\":" + polygon + ",\"landUse\":\"B1\",\"depth\":1.0}")
                                .getBytes(StandardCharsets.UTF_8), HttpHeaders.AUTHORIZATION, bearer(admin));
                assertThat(r.status()).as(analysis + " with " + HostileHttp.abbreviate(coordinate, 40) + ": " + r.body())
                        .isBetween(200, 499);
                if (r.status() >= 400) {
                    assertThat(r.body()).as(analysis).contains("polygon");
                }
            }
        }
    }

    @Test
    void analysesAndReadsNeverFailNorWrite() {
        String dig = TestAssets.digPolygon();
        String both = TestAssets.polygon(TinyCity.WEST + 0.0025, 29.5510, TinyCity.WEST + 0.0040, 29.5520);
        Map<String, String> analyses = Map.of("excavation", "{\"polygon\":" + dig + ",\"depth\":1.0}", "isolation",
                "{\"segmentId\":12}", "zoning", "{\"polygon\":" + both + ",\"landUse\":\"B1\"}");
        String box = TinyCity.WEST + "," + TinyCity.SOUTH + "," + TinyCity.EAST + "," + TinyCity.NORTH;
        Map<String, List<String>> items = new LinkedHashMap<>();
        items.put("bbox", List.of(box, "106.5716,29.5523,106.5718,29.5525", "106.5716,29.5523,0,106.5718,29.5525,100",
                "-180,-90,180,90", "180,0,-180,10"));
        items.put("limit", List.of("1", "10", "10000", "0", "10001"));
        items.put("offset", List.of("0", "1", "-1", "2147483648"));
        items.put("datetime", List.of("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z/..", "../2026-01-01T00:00:00Z",
                "2025-01-01/2026-01-01", ".."));
        items.put("f", List.of("json", "html", "geojson"));
        Map<String, List<String>> features = new LinkedHashMap<>();
        features.put("bbox", List.of(box));
        features.put("limit", List.of("10", "0", "-1"));
        Map<String, List<String>> nearby = new LinkedHashMap<>();
        nearby.put("lon", List.of("106.5717"));
        nearby.put("lat", List.of("29.5524"));
        nearby.put("radius", List.of("50", "0", "-1", "1e9"));
        nearby.put("types", List.of("pipe-segments", "components,parks"));
        nearby.put("limit", List.of("10", "0"));
        List<String> collections = List.of("pipe-segments", "pipe-nodes", "parks", "parcels", "renewal-projects", "components");
        Gen<String> collection = Hostile.segments(collections);
        Gen<String[]> request = Hostile.oneOf(List.of(
                collection.zip(Hostile.parameters(items), (c, q) -> new String[] {"/ogcapi/collections/" + c + "/items?" + q}),
                collection.zip(Hostile.segments(List.of("1", "12", TestAssets.COMPONENT)),
                        (c, id) -> new String[] {"/ogcapi/collections/" + c + "/items/" + id}),
                collection.zip(Hostile.parameters(Map.of("f", List.of("json", "html"))),
                        (c, q) -> new String[] {"/ogcapi/collections/" + c + "?" + q}),
                Hostile.parameters(Map.of("f", List.of("json", "html"))).map(q -> new String[] {"/ogcapi?" + q}),
                collection.zip(Hostile.parameters(features), (c, q) -> new String[] {API + "/" + c + "?" + q, admin}),
                collection.zip(Hostile.segments(List.of("1", "12")), (c, id) -> new String[] {API + "/" + c + "/" + id, admin}),
                Hostile.parameters(nearby).map(q -> new String[] {API + "/nearby?" + q, admin}),
                collection.zip(Hostile.parameters(Map.of("bbox", List.of(box))), (c, q) -> new String[] {API + "/map/" + c
                        + "?" + q, admin}),
                collection.zip(Hostile.parameters(Map.of("format", List.of("geojson", "csv"))),
                        (c, q) -> new String[] {API + "/export/" + c + "?" + q, admin}),
                Generate.pick(List.copyOf(analyses.keySet())).flatMap(a -> Hostile.mutations(analyses.get(a))
                        .map(body -> new String[] {API + "/analysis/" + a, admin, body}))));
        Map<String, Long> before = rows();
        Hostile.theory("asset reads and analyses").forAll(request).checkAssert(r -> {
            if (r.length == 3) {
                http.post("asset-query", r[0], "application/json", Hostile.wtf8(r[2]), HttpHeaders.AUTHORIZATION,
                        bearer(r[1]));
            } else if (r.length == 2) {
                http.get("asset-query", r[0], HttpHeaders.AUTHORIZATION, bearer(r[1]));
            } else {
                http.get("asset-query", r[0]);
            }
        });
        http.expect("asset-query: reads and analyses write nothing", before, rows(), () -> "");
        assertThat(http.count("asset-query", 200)).isPositive();
    }
}

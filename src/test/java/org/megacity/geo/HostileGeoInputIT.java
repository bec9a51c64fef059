package org.megacity.geo;

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
import org.megacity.identity.Administrators;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.Hostile;
import org.megacity.testing.HostileHttp;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.quicktheories.core.Gen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hostile input to the geography (see {@link Hostile}): GeoJSON imports made from the city's own
 * export (one level, one community's grids) with mutations, and the query parameters of locate,
 * divisions, grids and export. Never a 5xx; an import is all or nothing: refused, it leaves every
 * division as it was.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileGeoInputIT {

    static final String GEO = "/api/v1/geo";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    HostileHttp http;
    String admin;
    final List<String> samples = new ArrayList<>();

    @BeforeAll
    void city(@Autowired Geography geography, @Autowired DataDirectory data) throws Exception {
        geography.importDivisions(TinyCity.divisions());
        admin = new Administrators(mvc, data).sysadmin();
        http = new HostileHttp(port);
        for (String query : List.of("level=district", "level=street", "parent=" + TinyCity.NORTH_WEST_COMMUNITY)) {
            var r = http.get("setup", GEO + "/export?" + query, HttpHeaders.AUTHORIZATION, bearer(admin));
            assertThat(r.status()).isEqualTo(200);
            samples.add(r.body());
        }
        // the samples import as they are
        for (String sample : samples) {
            var r = http.post("setup", GEO + "/import", "application/geo+json", sample.getBytes(StandardCharsets.UTF_8),
                    HttpHeaders.AUTHORIZATION, bearer(admin));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    @AfterAll
    void nothingFound() {
        http.assertNothingFound();
    }

    /** Every division as stored: a refused import must leave each one as it was, not only their number. */
    List<String> divisions() {
        return jdbc.sql("select code, level, parent_code, name, name_en, min_lon, min_lat, max_lon, max_lat, area_m2, "
                + "boundary, updated_at from geo_division order by code").query((rs, n) -> {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= 12; i++) {
                        Object v = i == 11 ? java.util.Arrays.hashCode(rs.getBytes(i)) : rs.getObject(i);
                        row.append(v).append('|');
                    }
                    return row.toString();
                }).list();
    }

    @Test
    void importsAreAllOrNothing() {
        Gen<String> winding = Hostile.segments(List.of("strict", "lenient"));
        Hostile.theory("GeoJSON imports").forAll(Hostile.bodies(samples), winding).checkAssert((body, w) -> {
            List<String> before = divisions();
            var r = http.post("geo-import", GEO + "/import" + (w.length() % 3 == 0 ? "" : "?winding=" + w),
                    w.length() % 2 == 0 ? "application/geo+json" : "application/json", body,
                    HttpHeaders.AUTHORIZATION, bearer(admin));
            if (r.status() != 201) {
                List<String> after = divisions();
                http.expect("geo-import: a refused import changes no division", before, after,
                        () -> r.status() + " " + HostileHttp.abbreviate(new String(body, StandardCharsets.UTF_8), 400));
            }
        });
        assertThat(http.count("geo-import", 201)).as("accepted imports").isPositive();
        assertThat(http.answered("geo-import", s -> s >= 400 && s < 500)).as("refused imports").isPositive();
    }

    @Test
    void readsNeverFailNorWrite() {
        Map<String, List<String>> locate = new LinkedHashMap<>();
        locate.put("lon", List.of(Double.toString(TinyCity.pointInFirstGrid()[0]), "106.57", "181"));
        locate.put("lat", List.of(Double.toString(TinyCity.pointInFirstGrid()[1]), "29.55", "-91"));
        locate.put("crs", List.of("WGS84", "GCJ02", "EPSG:4326", "CGCS2000"));
        Map<String, List<String>> divisions = new LinkedHashMap<>();
        divisions.put("level", List.of("district", "street", "community", "grid"));
        divisions.put("parent", List.of(TinyCity.DISTRICT, TinyCity.WEST_STREET, TinyCity.NORTH_WEST_COMMUNITY));
        divisions.put("geometry", List.of("true", "false"));
        divisions.put("limit", List.of("1", "10", "0", "-1", "100000"));
        divisions.put("cursor", List.of(TinyCity.WEST_STREET, "x"));
        Map<String, List<String>> grids = Map.of("bbox", List.of(TinyCity.WEST + "," + TinyCity.SOUTH + "," + TinyCity.EAST
                + "," + TinyCity.NORTH, "0,0,0,0", "-180,-90,180,90"));
        Map<String, List<String>> export = new LinkedHashMap<>();
        export.put("level", List.of("district", "grid"));
        export.put("parent", List.of(TinyCity.DISTRICT));
        Gen<String> code = Hostile.segments(List.of(TinyCity.DISTRICT, TinyCity.NORTH_WEST_COMMUNITY, "500103001001001"));
        Gen<String> request = Hostile.oneOf(List.of(
                Hostile.parameters(locate).map(q -> GEO + "/locate?" + q),
                Hostile.parameters(divisions).map(q -> GEO + "/divisions?" + q),
                code.map(c -> GEO + "/divisions/" + c),
                Hostile.parameters(grids).map(q -> GEO + "/grids?" + q),
                Hostile.parameters(export).map(q -> GEO + "/export?" + q),
                Hostile.parameters(Map.of("cellArea", List.of("10000", "99", "1e7"))).zip(code,
                        (q, c) -> GEO + "/divisions/" + c + "/grids?" + q + "&__post")));
        List<String> before = divisions();
        Hostile.theory("geography reads").forAll(request).checkAssert(path -> {
            if (path.endsWith("&__post")) {
                // laying grids writes, but only over a community without grids: every TinyCity community has them
                http.post("geo-query", path.replace("&__post", ""), null, new byte[0], HttpHeaders.AUTHORIZATION,
                        bearer(admin));
            } else {
                http.get("geo-query", path, HttpHeaders.AUTHORIZATION, bearer(admin));
            }
        });
        http.expect("geo-query: reads write nothing", before.size(), divisions().size(), () -> "");
        assertThat(http.count("geo-query", 200)).isPositive();
    }
}

package org.megacity.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.Geography;
import org.megacity.identity.Administrators;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Open311 GeoReport v2 walked endpoint by endpoint as the spec (wiki.open311.org/GeoReport_v2) and
 * FixMyStreet's servicerequestupdates describe them, in JSON and XML, without signing in.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Open311ConformanceIT {

    static final String V2 = "/open311/v2";

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    JdbcClient jdbc;

    String apiKey;
    String requestId;
    String token;
    final double[] p = TinyCity.pointInFirstGrid();

    @BeforeAll
    void setUp(@Autowired Geography geography, @Autowired Organization organization) throws Exception {
        CaseFixtures.city(geography, organization);
        apiKey = new CaseFixtures(mvc, data).open311Key("city app");
        assertThat(jdbc.sql("select key_hash from cases_open311_key").query(String.class).single()).isNotEqualTo(apiKey);
    }

    ResultActions postRequest(String format, String... params) throws Exception {
        var req = post(V2 + "/requests." + format).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (int i = 0; i < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        return mvc.perform(req);
    }

    @Test
    @Order(1)
    void discoveryListsTheEndpointAndItsFormats() throws Exception {
        mvc.perform(get(V2 + "/discovery.json")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.endpoints[0].specification").value("http://wiki.open311.org/GeoReport_v2"))
                .andExpect(jsonPath("$.endpoints[0].formats", hasItem("text/xml")));
        mvc.perform(get(V2 + "/discovery.xml")).andExpect(status().isOk())
                .andExpect(content().string(startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")))
                .andExpect(xpath("/discovery/endpoints/endpoint/formats/format[2]").string("application/json"));
    }

    @Test
    @Order(2)
    void servicesAreTheCategories() throws Exception {
        mvc.perform(get(V2 + "/services.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.service_code == 'E0101')].service_name").value(hasItem("暴露垃圾 / Exposed garbage")))
                .andExpect(jsonPath("$[0].type").value("realtime"))
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(60)));
        mvc.perform(get(V2 + "/services.xml").param("jurisdiction_id", "megacity")).andExpect(status().isOk())
                .andExpect(xpath("count(/services/service)").number(org.hamcrest.Matchers.greaterThanOrEqualTo(60.0)))
                .andExpect(xpath("/services/service[service_code='C0101']/metadata").string("true"));
        mvc.perform(get(V2 + "/services.json").param("jurisdiction_id", "elsewhere")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404)).andExpect(jsonPath("$[0].description").exists());
    }

    @Test
    @Order(3)
    void aServiceDefinitionNamesItsAttributes() throws Exception {
        mvc.perform(get(V2 + "/services/C0101.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.service_code").value("C0101"))
                .andExpect(jsonPath("$.attributes[0].code").value("component_code"))
                .andExpect(jsonPath("$.attributes[0].datatype").value("string"))
                .andExpect(jsonPath("$.attributes[0].required").value(false));
        mvc.perform(get(V2 + "/services/C0101.xml")).andExpect(status().isOk())
                .andExpect(xpath("/service_definition/attributes/attribute/code").string("component_code"));
        mvc.perform(get(V2 + "/services/X0000.xml")).andExpect(status().isNotFound())
                .andExpect(xpath("/errors/error/code").string("404"));
    }

    @Test
    @Order(4)
    void postingNeedsAnApiKeyAndValidFieldsAndChangesNothingOtherwise() throws Exception {
        long before = jdbc.sql("select count(*) from cases_case").query(Long.class).single();
        postRequest("json", "service_code", "E0101", "lat", "" + p[1], "long", "" + p[0]).andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403));
        postRequest("json", "api_key", "wrong", "service_code", "E0101", "lat", "" + p[1], "long", "" + p[0])
                .andExpect(status().isForbidden());
        postRequest("json", "api_key", apiKey, "lat", "" + p[1], "long", "" + p[0]).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("service_code")));
        postRequest("xml", "api_key", apiKey, "service_code", "E0101").andExpect(status().isBadRequest())
                .andExpect(xpath("/errors/error/code").string("400"));
        postRequest("json", "api_key", apiKey, "service_code", "E0101", "lat", "abc", "long", "" + p[0])
                .andExpect(status().isBadRequest());
        postRequest("json", "api_key", apiKey, "service_code", "E0101", "lat", "39.9", "long", "116.39")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].description").value(containsString("outside")));
        postRequest("json", "api_key", apiKey, "service_code", "E0101", "lat", "" + p[1], "long", "" + p[0],
                "attribute[colour]", "red").andExpect(status().isBadRequest());
        postRequest("json", "api_key", apiKey, "service_code", "Z9999", "lat", "" + p[1], "long", "" + p[0])
                .andExpect(status().isBadRequest());
        for (String media : List.of("javascript:alert(1)", "ftp://example.com/a.jpg", "photo.jpg", "https://user:pw@example.com/a.jpg",
                "https://example.com/" + "a".repeat(CaseService.MEDIA_URL_LENGTH))) {
            postRequest("json", "api_key", apiKey, "service_code", "E0101", "lat", "" + p[1], "long", "" + p[0],
                    "media_url", media).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$[0].description").value(containsString("media_url")));
        }
        assertThat(jdbc.sql("select count(*) from cases_case").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void postingARequestGivesItsIdAndToken() throws Exception {
        String body = postRequest("json", "api_key", apiKey, "service_code", "C0101", "lat", "" + p[1], "long", "" + p[0],
                "attribute[component_code]", "500103010100000001", "description", "井盖缺失", "email", "li.si@example.com",
                "phone", "13912345678", "first_name", "Si", "last_name", "Li", "media_url", "https://img.example.cn/manhole.jpg?size=large&v=2")
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].service_request_id").exists())
                .andReturn().getResponse().getContentAsString();
        requestId = JsonPath.read(body, "$[0].service_request_id");
        token = JsonPath.read(body, "$[0].token");
        assertThat(jdbc.sql("select component_code from cases_case where id = ?").param(Long.parseLong(requestId))
                .query(String.class).single()).isEqualTo("500103010100000001");
        // by address: the community's name is enough
        postRequest("xml", "api_key", apiKey, "service_code", "E0104", "address_string", "重庆 解放碑北社区 路口")
                .andExpect(status().isOk()).andExpect(xpath("/service_requests/request/service_request_id").exists());
    }

    @Test
    @Order(6)
    void requestsAreReadWithoutPersonalData() throws Exception {
        String json = mvc.perform(get(V2 + "/requests/" + requestId + ".json")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(requestId))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].service_code").value("C0101"))
                .andExpect(jsonPath("$[0].lat").value(p[1]))
                .andExpect(jsonPath("$[0].agency_responsible").value("渝中区water-supply"))
                .andExpect(jsonPath("$[0].media_url").value("https://img.example.cn/manhole.jpg?size=large&v=2"))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).doesNotContain("li.si", "13912345678", "Li", "email", "phone");
        String xml = mvc.perform(get(V2 + "/requests/" + requestId + ".xml")).andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/status").string("open"))
                .andExpect(xpath("/service_requests/request/media_url").string("https://img.example.cn/manhole.jpg?size=large&v=2"))
                .andReturn().getResponse().getContentAsString();
        assertThat(xml).doesNotContain("li.si", "13912345678");
        mvc.perform(get(V2 + "/requests/999999999.json")).andExpect(status().isNotFound()).andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(get(V2 + "/requests.json").param("service_code", "C0101").param("status", "open"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].service_request_id", hasItem(requestId)));
        mvc.perform(get(V2 + "/requests.json").param("service_request_id", requestId + ",12"))
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get(V2 + "/requests.json").param("status", "closed").param("service_code", "C0101"))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get(V2 + "/requests.xml").param("start_date", "2010-01-01T00:00:00Z").param("end_date", "2011-01-01T00:00:00Z"))
                .andExpect(status().isOk()).andExpect(xpath("count(/service_requests/request)").number(0.0));
        mvc.perform(get(V2 + "/requests.json").param("start_date", "yesterday")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(get(V2 + "/requests.json").param("status", "pending")).andExpect(status().isBadRequest());
    }

    @Test
    @Order(7)
    void aTokenLeadsToTheRequest() throws Exception {
        mvc.perform(get(V2 + "/tokens/" + token + ".json")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(requestId)).andExpect(jsonPath("$[0].token").value(token));
        mvc.perform(get(V2 + "/tokens/" + token + ".xml")).andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/service_request_id").string(requestId));
        mvc.perform(get(V2 + "/tokens/nope.json")).andExpect(status().isNotFound());
    }

    @Test
    @Order(8)
    void updatesFollowTheLifecycle(@Autowired CaseService service) throws Exception {
        service.act(org.megacity.identity.Actor.SYSTEM, Long.parseLong(requestId), "file", CaseService.ActionInput.NONE);
        long other = jdbc.sql("select max(id) from cases_case where category = 'E0104'").query(Long.class).single();
        service.act(org.megacity.identity.Actor.SYSTEM, Long.parseLong(requestId), "merge",
                new CaseService.ActionInput(null, null, null, other, null, null, null));
        mvc.perform(get(V2 + "/servicerequestupdates.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.service_request_id == '" + requestId + "')].status", hasItem("closed")))
                .andExpect(jsonPath("$[0].update_id").exists()).andExpect(jsonPath("$[0].updated_datetime").exists());
        mvc.perform(get(V2 + "/servicerequestupdates.xml")).andExpect(status().isOk())
                .andExpect(xpath("count(/service_request_updates/request_update)").number(3.0));
        // the reporter follows the surviving request, which is still open
        mvc.perform(get(V2 + "/requests/" + requestId + ".json")).andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").value(containsString("merged into " + other)));
    }

    @Test
    @Order(9)
    void anUnknownFormatIs404AndARevokedKeyNoLongerWorks() throws Exception {
        mvc.perform(get(V2 + "/services.csv")).andExpect(status().isNotFound());
        String sys = new Administrators(mvc, data).sysadmin();
        mvc.perform(delete("/api/v1/cases/open311/keys/" + apiKey.substring(0, 8)).header(HttpHeaders.AUTHORIZATION, bearer(sys)))
                .andExpect(status().isOk());
        postRequest("json", "api_key", apiKey, "service_code", "E0101", "lat", "" + p[1], "long", "" + p[0])
                .andExpect(status().isForbidden());
        List<String> prefixes = JsonPath.read(mvc.perform(get("/api/v1/cases/open311/keys")
                .header(HttpHeaders.AUTHORIZATION, bearer(sys))).andReturn().getResponse().getContentAsString(), "$[*].prefix");
        assertThat(prefixes).containsExactly(apiKey.substring(0, 8));
    }
}

package org.megacity.participation;

import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Test fixture: a small published bill with a second version, and JSON calls to the participation API. */
public final class ParticipationFixture {

    public static final String API = "/api/v1/participation";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Version 1: two chapters, four articles, a paragraph with two items. */
    public static final String BILL = """
            某市城市管线条例（草案）
            第一章　总则
            第一条　为了加强城市管线管理，保障管线安全运行，制定本条例。
            第二条　本条例适用于本市城市管线的规划、建设和维护。
            管线包括下列种类：
            （一）供水管线；
            （二）排水管线。
            第二章　管线维护
            第三条　管线权属单位应当定期巡查管线，及时消除安全隐患。
            第四条　任何单位和个人不得损坏管线。
            """;

    /** Version 2: an article inserted after the third, the third changed. */
    public static final String BILL_V2 = """
            某市城市管线条例（草案）
            第一章　总则
            第一条　为了加强城市管线管理，保障管线安全运行，制定本条例。
            第二条　本条例适用于本市城市管线的规划、建设和维护。
            管线包括下列种类：
            （一）供水管线；
            （二）排水管线。
            第二章　管线维护
            第三条　管线权属单位应当每月巡查管线，及时消除安全隐患，并建立巡查档案。
            第四条　管线权属单位应当公开管线维护计划，听取沿线居民意见。
            第五条　任何单位和个人不得损坏管线。
            """;

    private final MockMvc mvc;

    public ParticipationFixture(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** Introduces the bill, publishes version 1 and adds (unpublished) version 2; returns the bill's id. */
    public String bill(String staff) throws Exception {
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/legislation/bills?title=某市城市管线条例（草案）&area=pipelines")
                        .header(HttpHeaders.AUTHORIZATION, bearer(staff))
                        .contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                        .content(BILL.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String id = JsonPath.read(body, "$.id");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/legislation/bills/" + id + "/versions/1/publication")
                .header(HttpHeaders.AUTHORIZATION, bearer(staff))).andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/legislation/bills/" + id + "/versions?label=二审稿")
                        .header(HttpHeaders.AUTHORIZATION, bearer(staff))
                        .contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                        .content(BILL_V2.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated());
        return id;
    }

    /** The wId of the article of version 2 that version 1 does not have. */
    public String insertedWorkId(String staff, String billId) throws Exception {
        String v2 = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/legislation/bills/" + billId + "/versions/2")
                .header(HttpHeaders.AUTHORIZATION, bearer(staff))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(v2, "$.articles[3].wId");
    }

    /** Opens a consultation of {@code days} days from now on version 1 (an override reason when shorter than 30). */
    public String consultation(String staff, String billId, Instant now, int days) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("billId", billId);
        body.put("version", 1);
        body.put("opensAt", now.truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("closesAt", now.plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("scope", Map.of("kind", "bill"));
        if (days < 30) {
            body.put("overrideReason", "常委会主任会议决定缩短征求意见期限");
        }
        String created = post(staff, API + "/consultations", body).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(created, "$.id");
    }

    public ResultActions post(String token, String path, Object body) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer(token));
        }
        return mvc.perform(request);
    }

    public ResultActions get(String token, String path) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer(token));
        }
        return mvc.perform(request);
    }

    /** Posts an opinion; returns {id, token}. */
    public String[] opinion(String token, String consultation, Map<String, Object> body) throws Exception {
        String created = post(token, API + "/consultations/" + consultation + "/opinions", body)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return new String[] {JsonPath.read(created, "$.id"), JsonPath.read(created, "$.token")};
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}

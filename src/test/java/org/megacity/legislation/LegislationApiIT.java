package org.megacity.legislation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.megacity.identity.Administrators;
import org.megacity.legislation.draft.AkomaNtosoExportTest;
import org.megacity.legislation.draft.Redrafting;
import org.megacity.legislation.draft.Regulations;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The legislation API on a real database: bills from real regulations, versions, diffs, stages, roles, evidence. */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(LegislationApiIT.TestEvidence.class)
class LegislationApiIT {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    static final String API = "/api/v1/legislation";

    /** A source of figures for the pipelines area only, as the cases module will provide. */
    @TestConfiguration
    static class TestEvidence {
        @Bean
        EvidenceSource pipeIncidents() {
            return (area, from, to) -> area != PriorityArea.PIPELINES ? List.of() : List.of(new EvidenceTable("test",
                    "管线事故", "Pipe incidents", "district", "incidents", List.of(from, to), List.of(
                    new EvidenceTable.EvidenceRow("500103", "渝中区", "Yuzhong", List.of(3L, 4L), 7))));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    JdbcClient jdbc;

    String staff;
    String sysadmin;

    @BeforeAll
    void accounts() throws Exception {
        staff = new LegislativeAccounts(mvc, data).create("law.drafter", "LEGISLATIVE_STAFF");
        sysadmin = new Administrators(mvc, data).sysadmin();
    }

    @Test
    void everyRegulationBecomesABillWithItsStructureAndAValidAkomaNtosoExport() throws Exception {
        for (Regulations.Expected regulation : Regulations.ALL) {
            String id = introduce(regulation.text(), "");
            mvc.perform(get(API + "/bills/" + id + "/versions/1").header(HttpHeaders.AUTHORIZATION, bearer(staff)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.articleCount").value(regulation.articles()))
                    .andExpect(jsonPath("$.chapters.length()").value(regulation.chapters().size()))
                    .andExpect(jsonPath("$.sections.length()").value(regulation.sections()))
                    .andExpect(jsonPath("$.articles.length()").value(regulation.articles()))
                    .andExpect(jsonPath("$.articles[0].eId").value("chp_1__art_1"))
                    .andExpect(jsonPath("$.articles[0].paragraphs[0].eId").value("chp_1__art_1__para_1"))
                    .andExpect(jsonPath("$.chapters[0].heading").value("总则"));
            String akn = mvc.perform(get(API + "/bills/" + id + "/versions/1/akn")
                            .header(HttpHeaders.AUTHORIZATION, bearer(staff)))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.parseMediaType("application/akn+xml")))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            AkomaNtosoExportTest.validate(akn);
            assertThat(akn).contains("<FRBRcountry value=\"cn\"").contains("language=\"zho\"");
        }
        mvc.perform(get(API + "/bills/" + introduce(Regulations.LEGISLATION_LAW.text(), "") + "/versions/1")
                        .header(HttpHeaders.AUTHORIZATION, bearer(staff)))
                .andExpect(jsonPath("$.sections[2].eId").value("chp_2__sec_3"))
                .andExpect(jsonPath("$.articles[39].eId").value("chp_2__sec_3__art_40"))
                .andExpect(jsonPath("$.articles[39].section").value("chp_2__sec_3"));
    }

    @Test
    void aSecondVersionWithAnInsertionADeletionAndAChangeDiffsAsExactlyThoseThreeAndKeepsTheWorkIds() throws Exception {
        String id = introduce(Regulations.PIPELINES.text(), "?area=pipelines&label=一审稿");
        var first = Regulations.parse(Regulations.PIPELINES.text());
        String second = Redrafting.of(first)
                .change(10, first.articles().get(9).text().replace("应当", "必须"))
                .insertAfter(20, "管线单位应当建立管线安全风险评估制度，每年向市城市管线主管部门报告评估结果。")
                .delete(41).text();
        mvc.perform(post(API + "/bills/" + id + "/versions?label=二审稿").header(HttpHeaders.AUTHORIZATION, bearer(staff))
                        .contentType(MediaType.parseMediaType("text/plain;charset=UTF-8")).content(second))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version.version").value(2))
                .andExpect(jsonPath("$.changes.added").value(1))
                .andExpect(jsonPath("$.changes.removed").value(1))
                .andExpect(jsonPath("$.changes.changed").value(1))
                .andExpect(jsonPath("$.changes.moved").value(0))
                .andExpect(jsonPath("$.changes.renumbered").value(19));

        String diff = mvc.perform(get(API + "/bills/" + id + "/diff?from=1&to=2").header(HttpHeaders.AUTHORIZATION,
                        bearer(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> substantive = JsonPath.read(diff, "$.changes[?(@.kind in ['added','removed','changed','moved'])].kind");
        assertThat(substantive).containsExactly("changed", "added", "removed");
        List<String> inserted = JsonPath.read(diff, "$.changes[?(@.kind == 'changed')].edits[?(@.op == 'INSERT')].text");
        assertThat(inserted).containsExactly("必须");

        // the article that was 21 is now 22 and keeps its work-level id
        String v2 = mvc.perform(get(API + "/bills/" + id + "/versions/2").header(HttpHeaders.AUTHORIZATION, bearer(staff)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String v1 = mvc.perform(get(API + "/bills/" + id + "/versions/1").header(HttpHeaders.AUTHORIZATION, bearer(staff)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String oldEId = JsonPath.read(v1, "$.articles[20].eId");
        assertThat((String) JsonPath.read(v2, "$.articles[21].wId")).isEqualTo(oldEId);
        assertThat((String) JsonPath.read(v2, "$.articles[21].eId")).isNotEqualTo(oldEId);
        assertThat((String) JsonPath.read(v2, "$.articles[20].wId")).endsWith("v2");
        String akn = mvc.perform(get(API + "/bills/" + id + "/versions/2/akn").header(HttpHeaders.AUTHORIZATION, bearer(staff)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        AkomaNtosoExportTest.validate(akn);
        assertThat(akn).contains("wId=\"" + oldEId + "\"");
        mvc.perform(get(API + "/bills/" + id).header(HttpHeaders.AUTHORIZATION, bearer(staff)))
                .andExpect(jsonPath("$.versions[1].label").value("二审稿"));
    }

    @Test
    void badTextIsRefusedWithTheLineAndNothingIsSaved() throws Exception {
        int before = bills();
        introduceExpecting("Dear colleagues,\nthe minutes are attached.\n", 422)
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.detail", containsString("does not look like a regulation")));
        introduceExpecting("条例\n\n第一条 甲。\n\n第三条 乙。\n", 422)
                .andExpect(jsonPath("$.errors[0].line").value(5))
                .andExpect(jsonPath("$.errors[0].message").value("第三条 follows 第一条; expected 第二条"));
        introduceExpecting("条例\n第一条 甲。\n第二条 乙。\n第二条 丙。\n", 422)
                .andExpect(jsonPath("$.errors[0].field").value("line 4"))
                .andExpect(jsonPath("$.errors[0].message").value("duplicate article number 第二条 (already at line 3)"));
        mvc.perform(post(API + "/bills").header(HttpHeaders.AUTHORIZATION, bearer(staff))
                        .contentType(MediaType.TEXT_PLAIN).content(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        introduceExpecting("条例\n第一条 甲。\n", 400, "?area=moon")
                .andExpect(jsonPath("$.errors[0].field").value("area"));
        assertThat(bills()).isEqualTo(before);

        String id = introduce(Regulations.DATA_SECURITY.text(), "");
        int versions = jdbc.sql("select count(*) from legislation_version").query(Integer.class).single();
        mvc.perform(post(API + "/bills/" + id + "/versions").header(HttpHeaders.AUTHORIZATION, bearer(staff))
                        .contentType(MARKDOWN).content(Regulations.DATA_SECURITY.text().replace("第五十五条", "第五十七条")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("第五十七条 follows 第五十四条; expected 第五十五条"));
        assertThat(jdbc.sql("select count(*) from legislation_version").query(Integer.class).single()).isEqualTo(versions);
    }

    @Test
    void stagesMoveOnlyAlongTheAllowedTransitionsWithADatedHistory() throws Exception {
        String id = introduce(Regulations.PARKS.text(), "?area=parks");
        move(id, "adopted").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.stage").value("drafting"))
                .andExpect(jsonPath("$.allowed").value(org.hamcrest.Matchers.contains("submitted", "withdrawn", "shelved")))
                .andExpect(jsonPath("$.detail", containsString("'drafting'")));
        move(id, "no-such-stage").andExpect(status().isConflict()).andExpect(jsonPath("$.requested").value("no-such-stage"));
        move(id, "submitted").andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("submitted"));
        move(id, "first-reading").andExpect(status().isOk())
                .andExpect(jsonPath("$.allowedStages").value(org.hamcrest.Matchers.contains("second-reading", "adopted",
                        "withdrawn", "shelved")));
        move(id, "withdrawn").andExpect(status().isOk());
        move(id, "drafting").andExpect(status().isConflict()).andExpect(jsonPath("$.allowed").isEmpty());
        mvc.perform(get(API + "/bills/" + id).header(HttpHeaders.AUTHORIZATION, bearer(sysadmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history.length()").value(4))
                .andExpect(jsonPath("$.history[0].to").value("drafting"))
                .andExpect(jsonPath("$.history[3].from").value("first-reading"))
                .andExpect(jsonPath("$.history[3].on").isNotEmpty());
    }

    @Test
    void onlyLegislativeStaffWriteAndUnpublishedDraftsStayWithTheDraftersUntilPublished() throws Exception {
        String id = introduce(Regulations.SUGGESTIONS.text(), "");
        mvc.perform(post(API + "/bills").contentType(MARKDOWN).content(Regulations.SUGGESTIONS.text()))
                .andExpect(status().isUnauthorized());
        mvc.perform(post(API + "/bills").header(HttpHeaders.AUTHORIZATION, bearer(sysadmin)).contentType(MARKDOWN)
                        .content(Regulations.SUGGESTIONS.text()))
                .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get(API + "/bills/" + id + "/versions/1").header(HttpHeaders.AUTHORIZATION, bearer(sysadmin)))
                .andExpect(status().isForbidden());
        mvc.perform(get(API + "/public/bills/" + id + "/versions/1")).andExpect(status().isNotFound());
        mvc.perform(get(API + "/bills/" + id)).andExpect(status().isUnauthorized());

        mvc.perform(post(API + "/bills/" + id + "/versions/1/publication").header(HttpHeaders.AUTHORIZATION, bearer(staff)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.published").value(true));
        mvc.perform(get(API + "/bills/" + id + "/versions/1").header(HttpHeaders.AUTHORIZATION, bearer(sysadmin)))
                .andExpect(status().isOk());
        mvc.perform(get(API + "/public/bills/" + id + "/versions/1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.articleCount").value(40));
        mvc.perform(get(API + "/public/bills/" + id + "/versions/1/akn")).andExpect(status().isOk());
        mvc.perform(get(API + "/public/bills/" + id + "/versions/1/text?format=markdown")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<!-- INFO END -->")));
        mvc.perform(get(API + "/public/drafts")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.billId == '" + id + "')].articleCount").value(org.hamcrest.Matchers.contains(40)));
        mvc.perform(post(API + "/public/drafts")).andExpect(status().isUnauthorized());
    }

    @Test
    void aPlanIsABoardOfItemsByStageAndArea() throws Exception {
        String plan = JsonPath.read(mvc.perform(post(API + "/plans").header(HttpHeaders.AUTHORIZATION, bearer(staff))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2031, \"title\": \"2031年度立法计划\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post(API + "/plans").header(HttpHeaders.AUTHORIZATION, bearer(staff))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2031, \"title\": \"again\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post(API + "/plans/" + plan + "/items").header(HttpHeaders.AUTHORIZATION, bearer(staff))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title": "重庆市城市更新条例", "area": "urban-renewal", "kind": "new",
                                 "sponsor": "市人民政府", "draftingBody": "市住房城乡建委", "targetAdoption": "2031-11-30"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.stage").value("proposed"));
        mvc.perform(post(API + "/plans/" + plan + "/items").header(HttpHeaders.AUTHORIZATION, bearer(staff))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"x\", \"area\": \"moon\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("area"));
        introduce(Regulations.PIPELINES.text(), "?area=pipelines&kind=revision&plan=" + plan);
        mvc.perform(get(API + "/plans/" + plan).header(HttpHeaders.AUTHORIZATION, bearer(sysadmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stages[0].stage").value("proposed"))
                .andExpect(jsonPath("$.stages[0].bills[0].title").value("重庆市城市更新条例"))
                .andExpect(jsonPath("$.stages[2].stage").value("drafting"))
                .andExpect(jsonPath("$.stages[2].bills[0].kind").value("revision"))
                .andExpect(jsonPath("$.areas.urban-renewal").value(1))
                .andExpect(jsonPath("$.areas.pipelines").value(1));
    }

    @Test
    void theEvidencePanelShowsWhatTheRegisteredSourcesProvideForTheBillsArea() throws Exception {
        String pipes = introduce(Regulations.PIPELINES.text(), "?area=pipelines");
        mvc.perform(get(API + "/bills/" + pipes + "/evidence").header(HttpHeaders.AUTHORIZATION, bearer(sysadmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.empty").value(false))
                // the test's source and the cases module's (no cases in this database, so no table of its own)
                .andExpect(jsonPath("$.sources").value(2))
                .andExpect(jsonPath("$.to").value(YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString()))
                .andExpect(jsonPath("$.tables[0].rows[0].label").value("渝中区"))
                .andExpect(jsonPath("$.tables[0].rows[0].total").value(7));
        String data = introduce(Regulations.DATA_SECURITY.text(), "?area=data-security");
        mvc.perform(get(API + "/bills/" + data + "/evidence").header(HttpHeaders.AUTHORIZATION, bearer(sysadmin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.empty").value(true))
                .andExpect(jsonPath("$.tables").isEmpty());
    }

    private int bills() {
        return jdbc.sql("select count(*) from legislation_bill").query(Integer.class).single();
    }

    private String introduce(String text, String query) throws Exception {
        String body = introduceExpecting(text, 201, query).andExpect(jsonPath("$.id").isNotEmpty())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.id");
    }

    private ResultActions introduceExpecting(String text, int status, String... query) throws Exception {
        return mvc.perform(post(API + "/bills" + (query.length > 0 ? query[0] : ""))
                        .header(HttpHeaders.AUTHORIZATION, bearer(staff)).contentType(MARKDOWN)
                        .content(text.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().is(status));
    }

    private ResultActions move(String id, String to) throws Exception {
        return mvc.perform(post(API + "/bills/" + id + "/transitions").header(HttpHeaders.AUTHORIZATION, bearer(staff))
                .contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"" + to + "\", \"note\": \"test\"}"));
    }
}

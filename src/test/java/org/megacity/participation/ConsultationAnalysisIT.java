package org.megacity.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.participation.ParticipationFixture.API;
import static org.megacity.participation.ParticipationFixture.map;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.megacity.legislation.LegislativeAccounts;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The opinion analysis of a consultation ({@code GET …/consultations/{id}/analysis}) on a real
 * database: a form letter's mail-merge variants (synonyms swapped, a sentence inserted) make one
 * campaign, the heat along the draft adds up to the opinions, and the cached result follows new and
 * hidden opinions.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@Import(ParticipationApiIT.Clocks.class)
class ConsultationAnalysisIT {

    /** A form letter on article 3 and its variants: exact copies, synonyms swapped, a sentence inserted. */
    static final String FORM = "我们坚决支持第三条关于管线巡查的规定，但是建议将巡查频次明确为每月至少一次，"
            + "并且要求权属单位将巡查结果向沿线居民公开，接受社会监督，切实保障城市管线安全运行。";
    static final String SWAPPED = "我们坚定支持第三条关于管线巡查的规定，但是提议将巡查频次明确为每月至少一次，"
            + "并且要求权属单位将巡查结果向沿线居民公示，接受社会监督，切实保障城市管线安全运行。";
    static final String INSERTED = "我们坚决支持第三条关于管线巡查的规定，但是建议将巡查频次明确为每月至少一次，"
            + "并且要求权属单位将巡查结果向沿线居民公开，接受社会监督。我家附近的管线去年就发生过爆裂。切实保障城市管线安全运行。";
    static final String MARKUP = "<b>我们坚决支持</b>第三条关于管线巡查的规定，但是建议将巡查频次明确为每月至少一次，"
            + "并且要求权属单位将巡查结果向沿线居民公开，接受社会监督，切实保障城市管线安全运行。";

    /** Opinions of their own: [elementId or null, text]. */
    static final String[][] ORGANIC = {
            {"chp_1__art_1", "立法目的宜增加服务民生的表述。"},
            {"chp_2__art_4", "应当明确故意损坏管线的法律责任和罚款数额。"},
            {"chp_1__art_2", "建议把燃气管线和热力管线也列入适用范围。"},
            {null, "整部条例应当与本市地下空间管理规定相衔接。"},
            {"chp_2__art_3", "巡查记录应当保存五年以上，便于事后追责。"},
    };

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    MutableClock clock;

    /** Posts the form letter (6 copies and variants on article 3, letters and online) and the organic opinions; returns the campaign's ids. */
    static List<String> seed(ParticipationFixture api, String staff, String citizen, String consultation) throws Exception {
        List<String> campaign = new ArrayList<>();
        for (String text : List.of(FORM, SWAPPED, FORM, INSERTED, FORM, MARKUP)) {
            campaign.add(api.opinion(staff, consultation, map("elementId", "chp_2__art_3", "text", text, "channel",
                    "letter"))[0]);
        }
        campaign.add(api.opinion(citizen, consultation, map("elementId", "chp_2__art_3", "text", FORM, "channel",
                "online"))[0]);
        for (String[] o : ORGANIC) {
            Map<String, Object> body = map("text", o[1], "channel", "letter");
            if (o[0] != null) {
                body.put("elementId", o[0]);
            }
            api.opinion(staff, consultation, body);
        }
        return campaign;
    }

    @Test
    void formLetterVariantsMakeOneCampaignAndTheHeatAddsUpToTheOpinions() throws Exception {
        var accounts = new LegislativeAccounts(mvc, data);
        String staff = accounts.create("analysis.staff", "LEGISLATIVE_STAFF");
        String citizen = accounts.create("analysis.citizen", "CITIZEN");
        var api = new ParticipationFixture(mvc);
        String bill = api.bill(staff);
        String c = api.consultation(staff, bill, clock.instant(), 30);
        List<String> campaign = seed(api, staff, citizen, c);
        int total = campaign.size() + ORGANIC.length;

        String path = API + "/consultations/" + c + "/analysis";
        api.get(citizen, path).andExpect(status().isForbidden());
        api.get(null, path).andExpect(status().isUnauthorized());
        String body = read(api, staff, path);
        assertThat((Integer) JsonPath.read(body, "$.opinions")).isEqualTo(total);
        List<Map<String, Object>> campaigns = JsonPath.read(body, "$.campaigns");
        assertThat(campaigns).hasSize(1);
        assertThat(JsonPath.<List<String>>read(body, "$.campaigns[0].opinionIds")).containsExactlyInAnyOrderElementsOf(campaign);
        assertThat((Integer) JsonPath.read(body, "$.campaigns[0].count")).isEqualTo(7);
        assertThat(JsonPath.<List<String>>read(body, "$.campaigns[0].variants[*].text"))
                .containsExactlyInAnyOrder(FORM, SWAPPED, INSERTED, MARKUP);
        assertThat(JsonPath.<List<Integer>>read(body, "$.campaigns[0].variants[?(@.representative == true)].count"))
                .containsExactly(4);
        assertThat(JsonPath.<Map<String, Integer>>read(body, "$.campaigns[0].channels"))
                .containsEntry("letter", 6).containsEntry("online", 1);
        assertThat(JsonPath.<List<String>>read(body, "$.campaigns[0].articles[*].eId")).containsExactly("chp_2__art_3");

        // heat along the draft: every article in the draft's order, the draft as a whole last; it adds up
        List<Integer> opinions = JsonPath.read(body, "$.heat[*].opinions");
        assertThat(opinions.stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
        assertThat(JsonPath.<List<String>>read(body, "$.heat[*].label"))
                .containsExactly("第一条", "第二条", "第三条", "第四条", null);
        assertThat((Integer) JsonPath.read(body, "$.heat[2].opinions")).isEqualTo(8);
        assertThat((Integer) JsonPath.read(body, "$.heat[2].distinctOpinions")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(body, "$.heat[2].campaignOpinions")).isEqualTo(7);
        assertThat((Double) JsonPath.read(body, "$.heat[2].campaignShare")).isEqualTo(7 / 8.0);
        assertThat((Integer) JsonPath.read(body, "$.heat[4].opinions")).isEqualTo(1);
        // topics: labels in both languages, counted per article
        List<Map<String, Object>> topics = JsonPath.read(body, "$.topics");
        assertThat(topics).isNotEmpty();
        assertThat(JsonPath.<List<String>>read(body, "$.topics[*].labelZh")).allSatisfy(l -> assertThat(l).isNotBlank());
        for (int i = 0; i < topics.size(); i++) {
            int count = JsonPath.read(body, "$.topics[" + i + "].count");
            List<Integer> perArticle = JsonPath.read(body, "$.topics[" + i + "].perArticle[*].count");
            assertThat(perArticle.stream().mapToInt(Integer::intValue).sum()).isEqualTo(count);
        }

        // cached until the opinions change: the same result, then a new opinion counts, then a hidden one does not
        assertThat(read(api, staff, path)).isEqualTo(body);
        String late = api.opinion(staff, c, map("elementId", "chp_2__art_3", "text", SWAPPED, "channel", "letter"))[0];
        String after = read(api, staff, path);
        assertThat((Integer) JsonPath.read(after, "$.opinions")).isEqualTo(total + 1);
        assertThat(JsonPath.<List<String>>read(after, "$.campaigns[0].opinionIds")).contains(late).hasSize(8);
        api.post(staff, API + "/consultations/" + c + "/opinions/" + late + "/hiding", map("reason", "重复提交"))
                .andExpect(status().isOk());
        String hidden = read(api, staff, path);
        assertThat((Integer) JsonPath.read(hidden, "$.opinions")).isEqualTo(total);
        assertThat(JsonPath.<List<String>>read(hidden, "$.campaigns[0].opinionIds")).doesNotContain(late);

        // an unknown consultation
        api.get(staff, API + "/consultations/nope/analysis").andExpect(status().isNotFound());
    }

    private static String read(ParticipationFixture api, String token, String path) throws Exception {
        return api.get(token, path).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}

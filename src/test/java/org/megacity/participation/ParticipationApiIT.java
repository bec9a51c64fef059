package org.megacity.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.participation.ParticipationFixture.API;
import static org.megacity.participation.ParticipationFixture.map;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.megacity.legislation.LegislativeAccounts;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** The participation API on a real database: every rule of issue 7 ("Rules to prove") and the report. */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(ParticipationApiIT.Clocks.class)
class ParticipationApiIT {

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock participationTestClock() {
            return new MutableClock();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    ParticipationFixture api;
    String staff;
    String citizen;
    String deputy;
    String expert;
    String pointStaffA;
    String pointStaffB;
    String bill;
    String pointA;
    String pointB;

    @BeforeAll
    void setUp() throws Exception {
        api = new ParticipationFixture(mvc);
        var accounts = new LegislativeAccounts(mvc, data);
        staff = accounts.create("consult.staff", "LEGISLATIVE_STAFF");
        citizen = accounts.create("citizen.li", "CITIZEN");
        deputy = accounts.create("deputy.wang", "DEPUTY");
        expert = accounts.create("expert.zhao", "EXPERT");
        pointStaffA = accounts.create("point.a", "CONTACT_POINT_STAFF");
        pointStaffB = accounts.create("point.b", "CONTACT_POINT_STAFF");
        bill = api.bill(staff);
        pointA = JsonPath.read(api.post(staff, API + "/contact-points", map("name", "解放碑街道基层立法联系点", "place",
                "解放碑街道社区服务中心", "staff", List.of("point.a"))).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");
        pointB = JsonPath.read(api.post(staff, API + "/contact-points", map("name", "朝天门街道基层立法联系点", "staff",
                List.of("point.b"))).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");
    }

    @Test
    void aConsultationRunsThirtyDaysUnlessAnOverrideGivesItsReason() throws Exception {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var shortOne = map("billId", bill, "version", 1, "opensAt", now.toString(),
                "closesAt", now.plus(Duration.ofDays(10)).toString());
        api.post(staff, API + "/consultations", shortOne).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("closesAt"));
        shortOne.put("overrideReason", "常委会主任会议决定：涉及汛期安全，征求意见十日");
        api.post(staff, API + "/consultations", shortOne).andExpect(status().isCreated())
                .andExpect(jsonPath("$.overrideReason").value("常委会主任会议决定：涉及汛期安全，征求意见十日"))
                .andExpect(jsonPath("$.state").value("open"))
                .andExpect(jsonPath("$.createdBy").value("consult.staff"));
        var month = map("billId", bill, "version", 1, "opensAt", now.plus(Duration.ofDays(2)).toString(),
                "closesAt", now.plus(Duration.ofDays(32)).toString(), "scope", map("kind", "articles", "articles",
                        List.of("chp_1__art_2", "chp_2__art_3")));
        api.post(staff, API + "/consultations", month).andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("scheduled"))
                .andExpect(jsonPath("$.wholeBill").value(false))
                .andExpect(jsonPath("$.scope[0].label").value("第二条"))
                .andExpect(jsonPath("$.overrideReason").doesNotExist());
        // who may open, and on what
        api.post(citizen, API + "/consultations", month).andExpect(status().isForbidden());
        api.post(null, API + "/consultations", month).andExpect(status().isUnauthorized());
        month.put("version", 2);
        api.post(staff, API + "/consultations", month).andExpect(status().isConflict());
        month.put("version", 9);
        api.post(staff, API + "/consultations", month).andExpect(status().is(422));
        month.put("version", 1);
        month.put("scope", map("articles", List.of("chp_9__art_99")));
        api.post(staff, API + "/consultations", month).andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].field").value("scope.articles"));
        month.put("scope", null);
        month.put("opensAt", "next week");
        api.post(staff, API + "/consultations", month).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("opensAt"));
    }

    @Test
    void opinionsComeThroughEveryChannelEachWithItsIdAndLookupToken() throws Exception {
        String c = api.consultation(staff, bill, clock.instant(), 30);
        // online: a citizen's account, and anonymously
        String[] mine = api.opinion(citizen, c, map("elementId", "chp_1__art_2__para_1", "text", "建议增加燃气管线。",
                "channel", "online", "name", "李小明", "contact", "13812341234"));
        String[] anonymous = api.opinion(null, c, map("elementId", "chp_2__art_3", "text", "巡查频次应明确。"));
        // a deputy, an expert answering a review request, a department and a transcribed letter
        api.opinion(deputy, c, map("elementId", "chp_2__art_4", "text", "应明确损坏管线的法律责任。", "channel", "deputy"));
        String review = JsonPath.read(api.post(staff, API + "/consultations/" + c + "/review-requests", map("expert",
                "expert.zhao", "organisation", "西南政法大学立法研究中心", "dueOn", LocalDate.now().plusDays(20).toString()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");
        api.opinion(expert, c, map("elementId", "chp_1__art_1", "text", "立法目的宜增加“服务民生”。", "channel", "expert",
                "reviewRequestId", review));
        api.get(expert, API + "/consultations/" + c + "/review-requests").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].answeredAt").isNotEmpty());
        // answering from the draft page (no request named): the open request to this expert is answered
        api.post(staff, API + "/consultations/" + c + "/review-requests", map("expert", "expert.zhao", "dueOn",
                LocalDate.now().plusDays(25).toString())).andExpect(status().isCreated());
        api.opinion(expert, c, map("elementId", "chp_2__art_4", "text", "建议区分故意和过失损坏。", "channel", "expert"));
        api.get(expert, API + "/consultations/" + c + "/review-requests")
                .andExpect(jsonPath("$[?(@.answeredAt == null)]").isEmpty());
        api.get(citizen, API + "/consultations/" + c + "/review-requests").andExpect(status().isForbidden());
        api.opinion(staff, c, map("text", "建议与燃气条例衔接。", "channel", "department", "organisation", "市住房城乡建委"));
        api.opinion(staff, c, map("elementId", "chp_2__art_3", "text", "我家门前的管线常年漏水。", "channel", "letter",
                "name", "张三", "contact", "渝中区解放碑路1号", "receivedOn", LocalDate.now().minusDays(1).toString()));
        api.opinion(staff, c, map("text", "地址很长的来信。", "channel", "letter", "name", "𠀀".repeat(100), "contact",
                "渝中区𠀀".repeat(75)));
        // a channel is for its own role
        api.post(citizen, API + "/consultations/" + c + "/opinions", map("text", "x", "channel", "deputy"))
                .andExpect(status().isForbidden());
        api.post(citizen, API + "/consultations/" + c + "/opinions", map("text", "x", "channel", "letter"))
                .andExpect(status().isForbidden());
        api.post(citizen, API + "/consultations/" + c + "/opinions", map("text", "x", "channel", "pigeon"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channel"));
        api.post(citizen, API + "/consultations/" + c + "/opinions", map("text", "  ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));

        // personal data sealed at rest, masked where the role does not see it in clear, and never in lookups
        String sealed = jdbc.sql("select submitter_name from participation_opinion where id = ?").param(mine[0])
                .query(String.class).single();
        assertThat(sealed).startsWith("v1.").doesNotContain("李小明");
        assertThat(jdbc.sql("select token_hash from participation_opinion where id = ?").param(mine[0])
                .query(String.class).single()).hasSize(64).isNotEqualTo(mine[1]);
        api.get(staff, API + "/consultations/" + c + "/opinions?channel=online&element=chp_1__art_2")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].name").value("李小明"))
                .andExpect(jsonPath("$[0].contact").value("138****1234"))
                .andExpect(jsonPath("$[0].elementLabel").value("第二条第一款"));
        api.get(citizen, API + "/consultations/" + c + "/opinions").andExpect(status().isForbidden());
        api.get(staff, API + "/consultations/" + c + "/opinions?offset=1&limit=2").andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("X-Total-Count", "8"));
        api.get(staff, API + "/consultations/" + c + "/opinions?limit=0").andExpect(status().isBadRequest());

        // contributors follow their opinions: by account, and by token without signing in
        api.get(citizen, API + "/my-opinions").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + mine[0] + "')].text").value("建议增加燃气管线。"))
                .andExpect(jsonPath("$[0].name").doesNotExist());
        api.post(null, API + "/opinion-lookup", map("token", anonymous[1])).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(anonymous[0]))
                .andExpect(jsonPath("$.disposition").doesNotExist());
        api.post(null, API + "/opinion-lookup", map("token", "not-a-token")).andExpect(status().isNotFound());
    }

    @Test
    void contactPointStaffEnterOpinionsOnlyForTheirOwnPoint() throws Exception {
        String c = api.consultation(staff, bill, clock.instant(), 30);
        var meeting = map("contactPointId", pointA, "heldOn", LocalDate.now().toString(), "place", "社区会议室",
                "participants", 23, "participantKinds", "居民、商户、物业", "opinions", List.of(
                        map("elementId", "chp_2__art_3", "text", "巡查结果应向居民公开。", "name", "王阿姨"),
                        map("text", "希望多开这样的座谈会。")));
        String recorded = api.post(pointStaffA, API + "/consultations/" + c + "/meetings", meeting)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.opinions.length()").value(2))
                .andExpect(jsonPath("$.opinions[0].token").isNotEmpty())
                .andExpect(jsonPath("$.opinions[0].channel").value("contact-point"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String meetingId = JsonPath.read(recorded, "$.id");
        // another point's staff: not for point A, neither a meeting nor an opinion into A's meeting
        api.post(pointStaffB, API + "/consultations/" + c + "/meetings", meeting).andExpect(status().isForbidden());
        api.post(pointStaffB, API + "/consultations/" + c + "/opinions", map("text", "补充意见", "channel",
                "contact-point", "meetingId", meetingId)).andExpect(status().isForbidden());
        api.post(pointStaffA, API + "/consultations/" + c + "/opinions", map("text", "补充意见", "channel",
                "contact-point", "meetingId", meetingId)).andExpect(status().isCreated());
        // other roles record no meetings at all
        api.post(citizen, API + "/consultations/" + c + "/meetings", meeting).andExpect(status().isForbidden());
        api.post(staff, API + "/consultations/" + c + "/meetings", meeting).andExpect(status().isForbidden());
        // a meeting with one bad opinion is refused whole
        meeting.put("opinions", List.of(map("text", "好"), map("elementId", "chp_7__art_70", "text", "坏锚点")));
        api.post(pointStaffA, API + "/consultations/" + c + "/meetings", meeting).andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].field").value("opinions[1].elementId"));
        assertThat(jdbc.sql("select count(*) from participation_meeting where consultation_id = ?").param(c)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from participation_opinion where consultation_id = ?").param(c)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void anOpinionOnAnElementThatVersionDoesNotHaveIsRefused() throws Exception {
        String c = api.consultation(staff, bill, clock.instant(), 30);
        api.post(citizen, API + "/consultations/" + c + "/opinions", map("elementId", "chp_2__art_9", "text", "意见"))
                .andExpect(status().is(422))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("elementId"));
        // the article added in version 2 is not in version 1
        String inserted = api.insertedWorkId(staff, bill);
        api.post(citizen, API + "/consultations/" + c + "/opinions", map("elementId", inserted, "text", "意见"))
                .andExpect(status().is(422));
        // paragraphs and items are anchors too, by eId or wId
        api.opinion(citizen, c, map("elementId", "chp_1__art_2__para_2__list_1__point_2", "text", "排水管线要写清楚。"));
        assertThat(jdbc.sql("select count(*) from participation_opinion where consultation_id = ?").param(c)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aClosedConsultationTakesNoOpinions() throws Exception {
        String c = api.consultation(staff, bill, clock.instant(), 1);
        api.opinion(citizen, c, map("text", "赶在截止前。"));
        clock.advance(Duration.ofDays(2));
        api.get(null, API + "/consultations/" + c).andExpect(jsonPath("$.state").value("closed"));
        api.post(citizen, API + "/consultations/" + c + "/opinions", map("text", "晚了。"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.state").value("closed"));
        api.post(null, API + "/consultations/" + c + "/opinions", map("elementId", "chp_1__art_1", "text", "晚了。"))
                .andExpect(status().isConflict());
        api.post(pointStaffA, API + "/consultations/" + c + "/meetings", map("contactPointId", pointA, "heldOn",
                LocalDate.now().toString(), "place", "会议室", "participants", 5, "participantKinds", "居民",
                "opinions", List.of(map("text", "晚了。")))).andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from participation_opinion where consultation_id = ?").param(c)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void onlyLegislativeStaffRecordDispositionsLinkedToTheChangeTheyCaused() throws Exception {
        String c = api.consultation(staff, bill, clock.instant(), 30);
        String[] one = api.opinion(citizen, c, map("elementId", "chp_2__art_3", "text", "巡查应每月一次。"));
        String path = API + "/consultations/" + c + "/opinions/" + one[0] + "/disposition";
        for (String other : List.of(citizen, deputy, expert, pointStaffA)) {
            api.post(other, path, map("outcome", "adopted")).andExpect(status().isForbidden());
        }
        api.post(null, path, map("outcome", "adopted")).andExpect(status().isUnauthorized());
        api.post(staff, path, map("outcome", "not-adopted")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api.post(staff, path, map("outcome", "out-of-scope")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("referredTo"));
        api.post(staff, path, map("outcome", "maybe")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        api.post(staff, path, map("outcome", "adopted", "changeVersion", 2, "changeElementId", "chp_2__art_30"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.errors[0].field").value("changeElementId"));
        api.post(staff, path, map("outcome", "adopted", "changeVersion", 1, "changeElementId", "chp_2__art_3"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.errors[0].field").value("changeVersion"));
        assertThat(jdbc.sql("select count(*) from participation_disposition where consultation_id = ?").param(c)
                .query(Integer.class).single()).isZero();
        api.post(staff, path, map("outcome", "adopted", "reason", "第三条改为每月巡查", "changeVersion", 2,
                        "changeElementId", "chp_2__art_3"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.disposition.outcome").value("adopted"))
                .andExpect(jsonPath("$.disposition.changeVersion").value(2))
                .andExpect(jsonPath("$.disposition.changeElementId").value("chp_2__art_3"));
        api.post(null, API + "/opinion-lookup", map("token", one[1])).andExpect(status().isOk())
                .andExpect(jsonPath("$.disposition.outcome").value("adopted"))
                .andExpect(jsonPath("$.disposition.changeElementId").value("chp_2__art_3"));

        // a group in bulk, and a referral elsewhere
        String[] a = api.opinion(citizen, c, map("text", "请修好我家楼下的井盖。"));
        String[] b = api.opinion(null, c, map("text", "请修好我家楼下的井盖。"));
        api.post(citizen, API + "/consultations/" + c + "/dispositions", map("outcome", "adopted", "opinionIds",
                List.of(a[0], b[0]))).andExpect(status().isForbidden());
        api.post(staff, API + "/consultations/" + c + "/dispositions", map("outcome", "out-of-scope", "referredTo",
                        "12345热线（转为案件）", "groupLabel", "井盖维修", "opinionIds", List.of(a[0], b[0])))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.opinionIds.length()").value(2));
        api.get(staff, API + "/consultations/" + c + "/opinions?status=disposed").andExpect(jsonPath("$.length()").value(3));
        api.post(staff, API + "/consultations/" + c + "/dispositions", map("outcome", "adopted", "opinionIds",
                List.of(a[0], "no-such-opinion"))).andExpect(status().is(422));
    }

    @Test
    void moderationHidesWithAReasonAndNeverDeletes() throws Exception {
        String c = api.consultation(staff, bill, clock.instant(), 30);
        String[] abuse = api.opinion(null, c, map("text", "辱骂内容"));
        String path = API + "/consultations/" + c + "/opinions/" + abuse[0] + "/hiding";
        api.post(citizen, path, map("reason", "辱骂")).andExpect(status().isForbidden());
        api.post(staff, path, map("reason", "")).andExpect(status().isBadRequest());
        api.post(staff, path, map("reason", "含有辱骂他人的内容")).andExpect(status().isOk())
                .andExpect(jsonPath("$.hidden").value(true)).andExpect(jsonPath("$.hiddenBy").value("consult.staff"));
        api.post(staff, path, map("reason", "再次")).andExpect(status().isConflict());
        api.get(staff, API + "/consultations/" + c + "/opinions?status=hidden")
                .andExpect(jsonPath("$[0].hiddenReason").value("含有辱骂他人的内容"));
        api.post(null, API + "/opinion-lookup", map("token", abuse[1])).andExpect(jsonPath("$.hidden").value(true));
        assertThat(jdbc.sql("select body from participation_opinion where id = ?").param(abuse[0]).query(String.class)
                .single()).isEqualTo("辱骂内容");
        assertThat(jdbc.sql("select count(*) from audit_record where action like '%hiding%' or object like '%hiding%'").query(Integer.class)
                .single()).isPositive();
    }

    @Test
    void anonymousOpinionsAreLimitedPerAddress() throws Exception {
        String c = api.consultation(staff, bill, clock.instant(), 30);
        for (int i = 0; i < 20; i++) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(API + "/consultations/"
                            + c + "/opinions").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"text\": \"意见" + i + "\"}").with(r -> {
                                r.setRemoteAddr("10.7.7.7");
                                return r;
                            }))
                    .andExpect(status().isCreated());
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(API + "/consultations/" + c
                        + "/opinions").contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"再来\"}").with(r -> {
                            r.setRemoteAddr("10.7.7.7");
                            return r;
                        }))
                .andExpect(status().isTooManyRequests());
        api.opinion(citizen, c, map("text", "登录用户不受此限。"));
    }

    @Test
    void theFeedbackReportCountsChannelsArticlesDispositionsAndCampaignsAndIsPublicOncePublished() throws Exception {
        String c = api.consultation(staff, bill, clock.instant(), 1);
        for (int i = 0; i < 3; i++) {
            api.opinion(null, c, map("elementId", "chp_2__art_4", "text", "坚决支持第四条，  损坏管线必须重罚！"));
        }
        String[] single = api.opinion(citizen, c, map("elementId", "chp_2__art_3__para_1", "text",
                "<script>alert('x')</script><b>巡查</b> & 公开"));
        api.opinion(deputy, c, map("text", "总体赞成。", "channel", "deputy"));
        String[] hidden = api.opinion(null, c, map("elementId", "chp_2__art_4", "text", "垃圾广告"));
        api.post(staff, API + "/consultations/" + c + "/opinions/" + hidden[0] + "/hiding", map("reason", "广告"))
                .andExpect(status().isOk());
        String groups = api.get(staff, API + "/consultations/" + c + "/groups").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].count").value(3)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> campaign = JsonPath.read(groups, "$[0].opinionIds");
        api.post(staff, API + "/consultations/" + c + "/dispositions", map("outcome", "already-reflected",
                "reason", "第四条已作规定", "opinionIds", campaign)).andExpect(status().isCreated());
        api.post(staff, API + "/consultations/" + c + "/opinions/" + single[0] + "/disposition", map("outcome",
                "not-adopted", "reason", "巡查记录已依法公开")).andExpect(status().isCreated());

        // before publication: legislative staff only
        api.get(null, API + "/consultations/" + c + "/report").andExpect(status().isNotFound());
        api.get(citizen, API + "/consultations/" + c + "/report.csv").andExpect(status().isNotFound());
        api.post(staff, API + "/consultations/" + c + "/report/publication", map()).andExpect(status().isConflict());
        api.get(staff, API + "/consultations/" + c + "/report").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("open"));
        clock.advance(Duration.ofDays(2));
        api.post(citizen, API + "/consultations/" + c + "/report/publication", map()).andExpect(status().isForbidden());
        api.post(staff, API + "/consultations/" + c + "/report/publication", map()).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("report-published"));

        api.get(null, API + "/consultations/" + c + "/report").andExpect(status().isOk())
                .andExpect(jsonPath("$.opinions").value(5))
                .andExpect(jsonPath("$.hidden").value(1))
                .andExpect(jsonPath("$.general").value(1))
                .andExpect(jsonPath("$.channels[?(@.channel == 'online')].count").value(4))
                .andExpect(jsonPath("$.channels[?(@.channel == 'deputy')].count").value(1))
                .andExpect(jsonPath("$.channels[?(@.channel == 'letter')].count").value(0))
                .andExpect(jsonPath("$.articles.length()").value(4))
                .andExpect(jsonPath("$.articles[?(@.eId == 'chp_2__art_4')].count").value(3))
                .andExpect(jsonPath("$.articles[?(@.eId == 'chp_2__art_3')].count").value(1))
                .andExpect(jsonPath("$.dispositions[?(@.outcome == 'already-reflected')].count").value(3))
                .andExpect(jsonPath("$.dispositions[?(@.outcome == 'not-adopted')].count").value(1))
                .andExpect(jsonPath("$.pending").value(1))
                .andExpect(jsonPath("$.campaigns[0].count").value(3))
                .andExpect(jsonPath("$.campaigns[0].outcome").value("already-reflected"))
                .andExpect(jsonPath("$.mainOpinions[0].count").value(3))
                .andExpect(jsonPath("$.mainOpinions[?(@.outcome == 'not-adopted')].text")
                        .value("<script>alert('x')</script><b>巡查</b> & 公开"))
                .andExpect(jsonPath("$.rows.length()").value(0));
        String csv = api.get(null, API + "/consultations/" + c + "/report.csv").andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.getFirst()).startsWith("\uFEFFopinion_id,submitted_at,channel");
        assertThat(csv).doesNotContain("垃圾广告").contains("already-reflected").contains("第四条已作规定");
        // a published report is final
        api.post(staff, API + "/consultations/" + c + "/opinions/" + single[0] + "/disposition", map("outcome",
                "adopted")).andExpect(status().isConflict());
    }
}

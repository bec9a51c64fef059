package org.megacity.representatives.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.Geography;
import org.megacity.identity.Administrators;
import org.megacity.testing.TinyCity;
import org.megacity.legislation.LegislativeAccounts;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.megacity.worktime.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Deputies' suggestions through the API on a real database: the whole workflow with its deadlines,
 * wrong roles and units, out-of-order actions, deadline rules and stale versions refused without
 * changing anything, the overdue list, reminders, the public report, and the registry's sealed contacts.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestionsApiIT {

    static final String API = "/api/v1/representatives";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organization organization;
    @Autowired
    Geography geography;
    @Autowired
    Suggestions suggestions;
    @Autowired
    WorkingCalendar calendar;

    String staff;
    String deputy;
    String otherDeputy;
    String otherDeputyId;
    String water;
    String housing;
    String citizen;

    @BeforeAll
    void setUp() throws Exception {
        CaseFixtures.city(geography, organization);
        LegislativeAccounts accounts = new LegislativeAccounts(mvc, data);
        staff = accounts.create("congress.staff", "LEGISLATIVE_STAFF");
        deputy = accounts.create("deputy.li", "DEPUTY");
        otherDeputy = accounts.create("deputy.wang", "DEPUTY");
        citizen = accounts.create("resident.zhao", "CITIZEN");
        water = handler("water.handler", "water");
        housing = handler("housing.handler", "housing-renewal");
        at(2025, 9, 1, 10);
        post(staff, "/deputies", "{\"name\":\"李明华\",\"level\":\"CITY\",\"constituency\":\"500103\",\"delegation\":\"渝中区代表团\","
                + "\"phone\":\"13812341234\",\"email\":\"liminghua@example.com\",\"username\":\"deputy.li\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.phone").value("138****1234"));
        otherDeputyId = JsonPath.read(post(staff, "/deputies", "{\"name\":\"王芳\",\"level\":\"CITY\",\"constituency\":\"500105\","
                + "\"delegation\":\"江北区代表团\",\"phone\":\"13900001111\",\"username\":\"deputy.wang\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    String handler(String username, String department) throws Exception {
        String token = new LegislativeAccounts(mvc, data).create(username, "DEPARTMENT_HANDLER");
        String id = jdbc.sql("select id from identity_account where username = ?").param(username).query(String.class).single();
        mvc.perform(put("/api/v1/accounts/" + id + "/jurisdiction").header(HttpHeaders.AUTHORIZATION,
                        bearer(new Administrators(mvc, data).secadmin())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"departments\": [\"" + department + "\"]}")).andExpect(status().isOk());
        return new Administrators(mvc, data).token(username, LegislativeAccounts.PASSWORD);
    }

    Instant at(int y, int m, int d, int h) {
        Instant t = ZonedDateTime.of(y, m, d, h, 0, 0, 0, SHANGHAI).toInstant();
        suggestions.useClock(Clock.fixed(t, SHANGHAI));
        return t;
    }

    void advanceWorkingDays(int days) {
        suggestions.useClock(Clock.fixed(calendar.plusWorkingDays(suggestions.now(), days).plusSeconds(60), SHANGHAI));
    }

    ResultActions post(String token, String path, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(API + path)
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ResultActions act(String token, String id, String action, String body) throws Exception {
        return post(token, "/suggestions/" + id + "/actions/" + action, body);
    }

    String read(String token, String id) throws Exception {
        return mvc.perform(get(API + "/suggestions/" + id).header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    int version(String id) throws Exception {
        return JsonPath.read(read(staff, id), "$.version");
    }

    String submit(String title) throws Exception {
        String body = post(deputy, "/suggestions", "{\"title\":\"" + title + "\",\"body\":\"建议加快老旧管网改造。\",\"topic\":\"城市建设\","
                + "\"duringSession\":false,\"cosigners\":[\"" + otherDeputyId + "\"],\"proposedUnit\":\"water\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("SUBMITTED"))
                .andExpect(jsonPath("$.pendingDeadlines[0].kind").value("ASSIGN"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    String assigned(String title, boolean hard) throws Exception {
        String id = submit(title);
        act(staff, id, "assign", "{\"version\":1,\"leadUnit\":\"water\",\"coUnits\":[\"housing-renewal\"],\"hard\":" + hard + "}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ASSIGNED"));
        return id;
    }

    @Test
    void aSuggestionGoesFromSubmissionThroughCommitmentToTheDeputysFinalEvaluation() throws Exception {
        Instant submitted = at(2025, 9, 26, 10);
        String id = submit("关于加快渝中区老旧供水管网改造的建议");
        String view = read(deputy, id);
        assertThat(Instant.parse(JsonPath.read(view, "$.pendingDeadlines[0].dueAt")))
                .isEqualTo(Deadlines.assignBy(calendar, submitted));
        // the co-signer sees it, an unrelated resident does not
        mvc.perform(get(API + "/suggestions/" + id).header(HttpHeaders.AUTHORIZATION, bearer(otherDeputy))).andExpect(status().isOk());
        mvc.perform(get(API + "/suggestions/" + id).header(HttpHeaders.AUTHORIZATION, bearer(citizen))).andExpect(status().isNotFound());
        // only congress staff assign
        act(water, id, "assign", "{\"version\":1,\"leadUnit\":\"water\"}").andExpect(status().isForbidden());
        act(deputy, id, "assign", "{\"version\":1,\"leadUnit\":\"water\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("wrong-role")));
        Instant assignedAt = at(2025, 9, 29, 11);
        act(staff, id, "assign", "{\"version\":1,\"leadUnit\":\"water\",\"coUnits\":[\"housing-renewal\"],\"hard\":false}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pendingDeadlines[*].kind", Matchers.containsInAnyOrder("CONTACT", "CO_VIEW", "REPLY")))
                .andExpect(jsonPath("$.version").value(2));
        view = read(staff, id);
        List<String> contactDue = JsonPath.read(view, "$.pendingDeadlines[?(@.kind == 'CONTACT')].dueAt");
        assertThat(Instant.parse(contactDue.get(0))).isEqualTo(Deadlines.contactBy(calendar, assignedAt));
        List<String> replyDue = JsonPath.read(view, "$.pendingDeadlines[?(@.kind == 'REPLY')].dueAt");
        assertThat(Instant.parse(replyDue.get(0))).isEqualTo(Deadlines.replyBy(calendar, assignedAt, false));
        // the co-handler may not reply, the lead may not reply before contacting the deputy: nothing changes
        act(housing, id, "reply", "{\"version\":2,\"category\":\"SOLVED\",\"text\":\"x\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("wrong-unit")));
        act(water, id, "reply", "{\"version\":2,\"category\":\"SOLVED\",\"text\":\"x\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("not-contacted")));
        act(water, id, "evaluate", "{\"version\":2,\"evaluation\":\"SATISFIED\"}").andExpect(status().isForbidden());
        assertThat(version(id)).isEqualTo(2);
        // stale version
        act(water, id, "contact", "{\"version\":1}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("stale-version")));
        act(water, id, "contact", "{\"version\":2,\"text\":\"走访代表\"}").andExpect(status().isOk());
        act(water, id, "contact", "{\"version\":3}").andExpect(status().isConflict());
        act(housing, id, "co-view", "{\"version\":3,\"view\":\"同意纳入棚改计划\"}").andExpect(status().isOk());
        act(housing, id, "co-view", "{\"version\":4,\"view\":\"again\"}").andExpect(status().isForbidden());
        act(water, id, "reply", "{\"version\":4,\"category\":\"PLANNED\",\"text\":\"已列入计划\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("plannedDate"));
        at(2025, 11, 3, 10);
        act(water, id, "reply", "{\"version\":4,\"category\":\"PLANNED\",\"plannedDate\":\"2026-06-30\",\"text\":\"已列入2026年改造计划\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REPLIED"))
                .andExpect(jsonPath("$.pendingDeadlines[0].kind").value("EVALUATE"));
        act(otherDeputy, id, "evaluate", "{\"version\":5,\"evaluation\":\"SATISFIED\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("not-the-proposer")));
        act(deputy, id, "evaluate", "{\"version\":5,\"evaluation\":\"BASICALLY_SATISFIED\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("COMMITTED"))
                .andExpect(jsonPath("$.pendingDeadlines[0].kind").value("COMMITMENT"));
        at(2026, 6, 15, 10);
        act(water, id, "fulfil", "{\"version\":6,\"text\":\"改造完成\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REPLIED"));
        act(deputy, id, "evaluate", "{\"version\":7,\"evaluation\":\"SATISFIED\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CLOSED")).andExpect(jsonPath("$.pendingDeadlines").isEmpty())
                .andExpect(jsonPath("$.history[*].action", Matchers.contains("submit", "assign", "contact", "co-view",
                        "reply", "evaluate", "fulfil", "evaluate")));
        // the public report, without signing in
        mvc.perform(get(API + "/reports/units")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.unit == 'water')].repliedOnTime", Matchers.hasItem(Matchers.greaterThanOrEqualTo(1))))
                .andExpect(jsonPath("$[?(@.unit == 'water')].categories.PLANNED", Matchers.hasItem(Matchers.greaterThanOrEqualTo(1))));
    }

    @Test
    void aUnitAsksToReturnOnlyWithinTenWorkingDaysAndIsReassignedWithinTenMore() throws Exception {
        at(2025, 9, 29, 10);
        String late = assigned("关于增设公交线路的建议", false);
        advanceWorkingDays(11);
        act(water, late, "return", "{\"version\":2,\"reason\":\"不属于本单位职责\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("return-window-closed")));
        assertThat((String) JsonPath.read(read(staff, late), "$.state")).isEqualTo("ASSIGNED");

        at(2025, 9, 29, 10);
        String id = assigned("关于规范共享单车停放的建议", true);
        List<String> replyDue = JsonPath.read(read(staff, id), "$.pendingDeadlines[?(@.kind == 'REPLY')].dueAt");
        assertThat(Instant.parse(replyDue.get(0))).isEqualTo(Deadlines.replyBy(calendar, suggestions.now(), true));
        advanceWorkingDays(5);
        act(water, id, "return", "{\"version\":2}").andExpect(status().isBadRequest());
        Instant returned = suggestions.now();
        act(water, id, "return", "{\"version\":2,\"reason\":\"属交通部门职责\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RETURNED"))
                .andExpect(jsonPath("$.pendingDeadlines[0].kind").value("REASSIGN"))
                .andExpect(jsonPath("$.pendingDeadlines.length()").value(1));
        assertThat(Instant.parse((String) JsonPath.read(read(staff, id), "$.pendingDeadlines[0].dueAt")))
                .isEqualTo(Deadlines.reassignBy(calendar, returned));
        act(staff, id, "assign", "{\"version\":3,\"leadUnit\":\"housing-renewal\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.leadUnit").value("housing-renewal"));
        act(water, id, "contact", "{\"version\":4}").andExpect(status().isForbidden());
    }

    @Test
    void unsatisfiedDeputiesGetARehandlingReplyAndLateEvaluationsAreRefused() throws Exception {
        at(2025, 10, 9, 10);
        String id = assigned("关于增加社区养老服务设施的建议", false);
        act(water, id, "contact", "{\"version\":2}").andExpect(status().isOk());
        act(water, id, "reply", "{\"version\":3,\"category\":\"REFERENCE\",\"text\":\"暂不具备条件\"}").andExpect(status().isOk());
        act(deputy, id, "evaluate", "{\"version\":4,\"evaluation\":\"UNSATISFIED\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        act(deputy, id, "evaluate", "{\"version\":4,\"evaluation\":\"UNSATISFIED\",\"comment\":\"未实地调研\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("UNSATISFIED"));
        Instant requested = suggestions.now();
        act(staff, id, "request-rehandling", "{\"version\":5}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REHANDLING"));
        List<String> due = JsonPath.read(read(staff, id), "$.pendingDeadlines[?(@.kind == 'REHANDLE')].dueAt");
        assertThat(Instant.parse(due.get(0))).isEqualTo(Deadlines.rehandleBy(calendar, requested));
        act(water, id, "reply", "{\"version\":6,\"category\":\"SOLVED\",\"text\":\"已新增两处养老服务站\"}").andExpect(status().isOk());
        advanceWorkingDays(21);
        act(deputy, id, "evaluate", "{\"version\":7,\"evaluation\":\"SATISFIED\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("evaluation-period-ended")));
        assertThat(version(id)).isEqualTo(7);
    }

    @Test
    void overdueSuggestionsAreListedAndRemindersMarkDeadlinesAhead() throws Exception {
        at(2025, 12, 1, 10);
        String id = submit("关于改善解放碑步行街夜间照明的建议");
        mvc.perform(get(API + "/suggestions?overdue=true").header(HttpHeaders.AUTHORIZATION, bearer(staff)))
                .andExpect(jsonPath("$[*].id", Matchers.not(Matchers.hasItem(id))));
        advanceWorkingDays(8);
        suggestions.markReminders(SuggestionReminders.DAYS_AHEAD); // the scheduled job may have marked it already
        mvc.perform(get(API + "/reminders").header(HttpHeaders.AUTHORIZATION, bearer(staff)))
                .andExpect(jsonPath("$[*].suggestionId", Matchers.hasItem(id)));
        advanceWorkingDays(3);
        mvc.perform(get(API + "/suggestions?overdue=true").header(HttpHeaders.AUTHORIZATION, bearer(staff)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", Matchers.hasItem(id)));
        mvc.perform(get(API + "/suggestions?overdue=true").header(HttpHeaders.AUTHORIZATION, bearer(water)))
                .andExpect(jsonPath("$[*].id", Matchers.not(Matchers.hasItem(id))));
        assertThat((Boolean) JsonPath.read(read(deputy, id), "$.overdue")).isTrue();
    }

    @Test
    void theRegistrySealsContactDataAndMasksItExceptForTheDeputy() throws Exception {
        String sealed = jdbc.sql("select phone_sealed from rep_deputy where username = 'deputy.li'").query(String.class).single();
        assertThat(sealed).startsWith("v1.").doesNotContain("13812341234");
        mvc.perform(get(API + "/deputies/me").header(HttpHeaders.AUTHORIZATION, bearer(deputy)))
                .andExpect(jsonPath("$.phone").value("13812341234"));
        mvc.perform(get(API + "/deputies?constituency=500103").header(HttpHeaders.AUTHORIZATION, bearer(otherDeputy)))
                .andExpect(jsonPath("$[0].phone").value("138****1234")).andExpect(jsonPath("$[0].username").doesNotExist());
        post(staff, "/deputies", "{\"name\":\"\",\"level\":\"GALACTIC\",\"constituency\":\"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItems("name", "level", "constituency", "delegation")));
        post(deputy, "/deputies", "{}").andExpect(status().isForbidden());
        String station = JsonPath.read(post(staff, "/stations", "{\"name\":\"解放碑街道人大代表联络站\",\"divisionCode\":\"500103001\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        post(staff, "/stations/" + station + "/duty", "{\"date\":\"2025-10-15\",\"deputyId\":\"" + otherDeputyId + "\"}")
                .andExpect(status().isOk());
        mvc.perform(get(API + "/stations/" + station + "/duty?date=2025-10-15")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("王芳")).andExpect(jsonPath("$[0].phone").value("139****1111"));
        String point = JsonPath.read(post(staff, "/contact-points", "{\"name\":\"渝中区基层立法联系点\",\"level\":\"CITY\","
                        + "\"divisionCode\":\"500103\",\"staff\":[\"resident.zhao\"]}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        post(staff, "/contact-points/" + point + "/activity", "{\"meetingsHeld\":2,\"opinionsSubmitted\":15,\"draftsConsulted\":1}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.opinionsSubmitted").value(15));
        mvc.perform(get(API + "/contact-points")).andExpect(status().isOk()).andExpect(jsonPath("$[0].meetingsHeld").value(2));
    }

    @Test
    void aDeputyRefersAConstituentsProblemIntoACaseAndFollowsIt() throws Exception {
        double[] p = TinyCity.pointInFirstGrid();
        post(deputy, "/referrals", "{\"category\":\"E0501\",\"lon\":" + p[0] + ",\"lat\":" + p[1]
                + ",\"description\":\"选民反映小区供水管爆裂\",\"constituentName\":\"张三\",\"constituentPhone\":\"13700001234\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.caseId").isNumber())
                .andExpect(jsonPath("$.status").value("REPORTED"));
        long caseId = ((Number) JsonPath.read(mvc.perform(get(API + "/referrals").header(HttpHeaders.AUTHORIZATION, bearer(deputy)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$[0].caseId")).longValue();
        assertThat(jdbc.sql("select channel from cases_case where id = ?").param(caseId).query(String.class).single())
                .isEqualToIgnoringCase("deputy");
        // the referral follows the case: a dispatcher files it, the deputy's list shows it filed
        String dispatcher = new CaseFixtures(mvc, data).create("dispatcher.referrals", "DISPATCHER", List.of(), List.of());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/cases/" + caseId + "/actions/file").header(HttpHeaders.AUTHORIZATION, bearer(dispatcher))
                        .contentType("application/json").content("{}"))
                .andExpect(status().isOk());
        mvc.perform(get(API + "/referrals").header(HttpHeaders.AUTHORIZATION, bearer(deputy)))
                .andExpect(jsonPath("$[0].caseId").value(caseId)).andExpect(jsonPath("$[0].status").value("FILED"));
        post(deputy, "/referrals", "{\"category\":\"NOPE\",\"lon\":" + p[0] + ",\"lat\":" + p[1] + ",\"description\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("category"));
        post(citizen, "/referrals", "{}").andExpect(status().isForbidden());
    }
}

package org.megacity.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.megacity.geo.DivisionCode;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** The organization stored, replaced and read through its API and over HTTP. */
@IntegrationTest
@RecordApplicationEvents
@WithMockUser
class OrganizationApiIT {

    static final DivisionCode YUZHONG = DivisionCode.of("500103");
    static final DivisionCode JIANGBEI = DivisionCode.of("500105");

    @Autowired
    Organization organization;

    @Autowired
    Departments departments;

    @Autowired
    OperationCentres centres;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    MockMvc mvc;

    @org.junit.jupiter.api.BeforeEach
    void mockMvc() {
        mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Autowired
    ApplicationEvents events;

    static OrganizationChart chart() {
        DepartmentCode water = DepartmentCode.of("water");
        DepartmentCode hotline = DepartmentCode.of("hotline-12345");
        return new OrganizationChart(List.of(
                new Department(water, "市水务局", "Municipal Water Bureau", DepartmentKind.GOVERNMENT_BUREAU, List.of(
                        new DepartmentBranch(water, YUZHONG, "渝中区水务局", "Yuzhong District Water Bureau"),
                        new DepartmentBranch(water, JIANGBEI, "江北区水务局", "Jiangbei District Water Bureau"))),
                new Department(hotline, "12345热线中心", "12345 Hotline Centre", DepartmentKind.SERVICE_CENTRE, List.of())),
                List.of(new OperationCentre(CentreLevel.CITY, null, "市城市运行和治理中心", "City Operation and Governance Centre"),
                        new OperationCentre(CentreLevel.DISTRICT, YUZHONG, "渝中区城市运行和治理中心", "Yuzhong Centre"),
                        new OperationCentre(CentreLevel.DISTRICT, JIANGBEI, "江北区城市运行和治理中心", "Jiangbei Centre"),
                        new OperationCentre(CentreLevel.STREET, DivisionCode.of("500103001"), "解放碑街道城市运行和治理中心",
                                "Jiefangbei Centre"),
                        new OperationCentre(CentreLevel.STREET, DivisionCode.of("500105002"), "观音桥街道城市运行和治理中心",
                                "Guanyinqiao Centre")));
    }

    @BeforeEach
    void load() {
        organization.replaceWith(chart());
    }

    @Test
    void replacingStoresTheWholeChartAndSaysSo() {
        assertThat(organization.chart()).isEqualTo(chart());
        assertThat(events.stream(OrganizationLoaded.class)).containsExactly(new OrganizationLoaded(2, 2, 5));

        organization.replaceWith(new OrganizationChart(List.of(chart().departments().get(1)),
                List.of(chart().centres().get(0))));

        assertThat(departments.all()).extracting(d -> d.code().value()).containsExactly("hotline-12345");
        assertThat(centres.list(null, null)).hasSize(1);
    }

    @Test
    void lookupsSeeAReplacementAtOnceOnThisNodeAndInsideTheTransactionThatMakesIt(
            @Autowired org.springframework.transaction.PlatformTransactionManager transactions) {
        DepartmentCode water = DepartmentCode.of("water");
        assertThat(departments.find(water)).isPresent();
        OrganizationChart withoutWater = new OrganizationChart(chart().departments().subList(1, 2), chart().centres());
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
            organization.replaceWith(withoutWater);
            assertThat(departments.find(water)).as("inside the replacing transaction").isEmpty();
            assertThat(departments.branchFor(water, JIANGBEI)).isEmpty();
            status.setRollbackOnly();
        });
        assertThat(departments.find(water)).as("after a rollback").isPresent();
        assertThat(departments.branchFor(water, JIANGBEI)).isPresent();
        organization.replaceWith(withoutWater);
        assertThat(departments.find(water)).as("after the commit").isEmpty();
        assertThat(centres.responsibleFor(DivisionCode.of("500105002001001"))).hasValueSatisfying(
                c -> assertThat(c.id()).isEqualTo("500105002"));
    }

    @Test
    void routesADepartmentsWorkToItsBranchInTheDistrict() {
        DepartmentCode water = DepartmentCode.of("water");
        assertThat(departments.branchFor(water, DivisionCode.of("500105002003001")))
                .hasValueSatisfying(b -> assertThat(b.name()).isEqualTo("江北区水务局"));
        assertThat(departments.branchFor(water, DivisionCode.of("500101"))).isEmpty();
        assertThat(departments.branchFor(DepartmentCode.of("hotline-12345"), YUZHONG)).isEmpty();
    }

    @Test
    void findsTheCentreResponsibleForAPlace() {
        assertThat(centres.responsibleFor(DivisionCode.of("500103001002003"))).hasValueSatisfying(
                c -> assertThat(c.id()).isEqualTo("500103001"));
        assertThat(centres.responsibleFor(DivisionCode.of("500103009"))).hasValueSatisfying(
                c -> assertThat(c.id()).isEqualTo("500103"));
        assertThat(centres.responsibleFor(DivisionCode.of("500199"))).hasValueSatisfying(
                c -> assertThat(c.id()).isEqualTo("city"));
    }

    @Test
    void listsDepartmentsOverHttp() throws Exception {
        mvc.perform(get("/api/v1/organization/departments"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].code").value("water"))
                .andExpect(jsonPath("$[0].name").value("市水务局"))
                .andExpect(jsonPath("$[0].nameEn").value("Municipal Water Bureau"))
                .andExpect(jsonPath("$[0].kind").value("government-bureau"))
                .andExpect(jsonPath("$[0].branches").value(2));
        mvc.perform(get("/api/v1/organization/departments/water"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.branches[1].district").value("500105"))
                .andExpect(jsonPath("$.branches[1].nameEn").value("Jiangbei District Water Bureau"));
        mvc.perform(get("/api/v1/organization/departments").param("district", "500105"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("江北区水务局"))
                .andExpect(jsonPath("$[0].branch").value(true))
                .andExpect(jsonPath("$[1].name").value("12345热线中心"))
                .andExpect(jsonPath("$[1].branch").value(false));
    }

    @Test
    void listsCentresByLevelAndDivisionOverHttp() throws Exception {
        mvc.perform(get("/api/v1/organization/centres"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[0].id").value("city"))
                .andExpect(jsonPath("$[0].level").value("city"));
        mvc.perform(get("/api/v1/organization/centres").param("level", "street").param("division", "500103"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].division").value("500103001"))
                .andExpect(jsonPath("$[0].name").value("解放碑街道城市运行和治理中心"));
        mvc.perform(get("/api/v1/organization/centres").param("division", "500105"))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/v1/organization/centres/500105"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.nameEn").value("Jiangbei Centre"));
    }

    @Test
    void badQueriesGetAProblemNamingTheField() throws Exception {
        mvc.perform(get("/api/v1/organization/centres").param("level", "province"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"));
        mvc.perform(get("/api/v1/organization/centres").param("division", "50010x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("division"));
        mvc.perform(get("/api/v1/organization/departments").param("district", "500103001"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("district"));
        mvc.perform(get("/api/v1/organization/departments/NOPE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(get("/api/v1/organization/departments/gas")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organization/centres/500199")).andExpect(status().isNotFound());
    }
}

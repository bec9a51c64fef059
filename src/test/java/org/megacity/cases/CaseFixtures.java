package org.megacity.cases;


import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.Geography;
import org.megacity.identity.Administrators;
import org.megacity.organization.CentreLevel;
import org.megacity.organization.Department;
import org.megacity.organization.DepartmentBranch;
import org.megacity.organization.DepartmentCode;
import org.megacity.organization.DepartmentKind;
import org.megacity.organization.OperationCentre;
import org.megacity.organization.Organization;
import org.megacity.organization.OrganizationChart;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.TinyCity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Test fixture for cases: the tiny city with the demo's departments (a branch each in Yuzhong) and
 * its centres, and accounts with a role and a jurisdiction, made as the administrators would.
 */
public final class CaseFixtures {

    public static final String PASSWORD = "Case-Handling-2026-grid";
    public static final List<String> DEPARTMENTS = List.of("water", "water-supply", "drainage", "gas", "power", "telecom",
            "roads", "parks", "city-appearance", "housing-renewal", "planning-resources", "emergency", "hotline-12345");

    private final MockMvc mvc;
    private final Administrators admins;

    public CaseFixtures(MockMvc mvc, DataDirectory data) {
        this.mvc = mvc;
        this.admins = new Administrators(mvc, data);
    }

    /** Imports the tiny city and its organization. */
    public static void city(Geography geography, Organization organization) {
        geography.importDivisions(TinyCity.divisions());
        DivisionCode district = DivisionCode.of(TinyCity.DISTRICT);
        List<Department> departments = new ArrayList<>();
        for (String code : DEPARTMENTS) {
            DepartmentCode dc = DepartmentCode.of(code);
            List<DepartmentBranch> branches = code.equals("hotline-12345") ? List.of()
                    : List.of(new DepartmentBranch(dc, district, "渝中区" + code, "Yuzhong " + code));
            departments.add(new Department(dc, "市" + code, "City " + code, code.equals("hotline-12345")
                    ? DepartmentKind.SERVICE_CENTRE : DepartmentKind.GOVERNMENT_BUREAU, branches));
        }
        List<OperationCentre> centres = List.of(
                new OperationCentre(CentreLevel.CITY, null, "市城市运行和治理中心", "City centre"),
                new OperationCentre(CentreLevel.DISTRICT, district, "渝中区中心", "Yuzhong centre"),
                new OperationCentre(CentreLevel.STREET, DivisionCode.of("500103001"), "解放碑街道中心", "Jiefangbei centre"),
                new OperationCentre(CentreLevel.STREET, DivisionCode.of("500103002"), "朝天门街道中心", "Chaotianmen centre"));
        organization.replaceWith(new OrganizationChart(departments, centres));
    }

    /**
     * Creates {@code username} with {@code role}, bound to {@code divisions} and {@code departments}
     * (citywide when both are empty), with the password {@link #PASSWORD}; returns a bearer token.
     */
    public String create(String username, String role, List<String> divisions, List<String> departments) throws Exception {
        return admins.account(username, role, PASSWORD, divisions, departments);
    }

    /** An Open311 API key for an application, issued by the system administrator as the API does. */
    public String open311Key(String application) throws Exception {
        String issued = mvc.perform(post("/api/v1/cases/open311/keys").header(HttpHeaders.AUTHORIZATION, bearer(admins.sysadmin()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + application + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(issued, "$.apiKey");
    }
}

package org.megacity.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.megacity.participation.ParticipationFixture.API;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.megacity.legislation.LegislativeAccounts;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.quicktheories.generators.Generate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Opinion text as anyone may type it (QuickTheories): any string, markup and script fragments, control
 * characters, unpaired surrogates. The API never answers 5xx; what it accepts it stores exactly as
 * given; and pages show it as text (escaped), never as markup.
 */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpinionTextPropertiesIT {

    static final List<String> FRAGMENTS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;",
            "&lt;", "\"", "'", "<b>", "</p>", "<!--", "]]>", "${7*7}", "[[${x}]]", "#{x}", "\u0000", "\u0007", "\n", "\r\n",
            "\t", "\uD800", "\uDC00", "😀", "\uFEFF", "\u3000", "第三条", "=cmd|' /C calc'!A0", "\\", "{\"a\":1}");

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;

    String citizen;
    String consultation;
    int accepted;
    int refused;

    @BeforeAll
    void setUp() throws Exception {
        var accounts = new LegislativeAccounts(mvc, data);
        String staff = accounts.create("prop.staff", "LEGISLATIVE_STAFF");
        citizen = accounts.create("prop.citizen", "CITIZEN");
        var api = new ParticipationFixture(mvc);
        consultation = api.consultation(staff, api.bill(staff), java.time.Instant.now(), 30);
    }

    @Test
    void anyOpinionTextIsRefusedOrStoredExactlyAndRenderedAsText() {
        qt().withExamples(250).forAll(strings().allPossible().ofLengthBetween(0, 80),
                lists().of(Generate.pick(FRAGMENTS)).ofSizeBetween(0, 6)).checkAssert((random, fragments) -> {
            StringBuilder text = new StringBuilder();
            int cut = 0;
            for (String fragment : fragments) {
                int next = Math.min(random.length(), cut + random.length() / (fragments.size() + 1));
                text.append(random, cut, next).append(fragment);
                cut = next;
            }
            text.append(random.substring(cut));
            check(text.toString());
        });
        // the generator reaches both sides: texts accepted and texts refused
        assertThat(accepted).isGreaterThan(10);
        assertThat(refused).isGreaterThan(10);
    }

    private void check(String text) {
        try {
            MvcResult result = mvc.perform(post(API + "/consultations/" + consultation + "/opinions")
                            .header(HttpHeaders.AUTHORIZATION, bearer(citizen)).contentType(MediaType.APPLICATION_JSON)
                            .content(("{\"elementId\": \"chp_2__art_3__para_1\", \"text\": " + json(text) + "}")
                                    .getBytes(StandardCharsets.UTF_8)))
                    .andReturn();
            int status = result.getResponse().getStatus();
            assertThat(status).as("status for %s", json(text)).isLessThan(500);
            if (status != 201) {
                assertThat(status).isEqualTo(400);
                refused++;
                return;
            }
            accepted++;
            String token = JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.token");
            String found = mvc.perform(post(API + "/opinion-lookup").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"token\": \"" + token + "\"}")).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat((String) JsonPath.read(found, "$.text")).isEqualTo(text);
            String page = mvc.perform(post("/participation/public/lookup").with(csrf()).param("token", token))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains(escaped(text));
            if (text.contains("<")) {
                assertThat(page).doesNotContain(text);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** What Thymeleaf's th:text writes: the five XML-significant characters as entities. */
    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** A JSON string with everything outside printable ASCII escaped, so unpaired surrogates reach the server as sent. */
    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}

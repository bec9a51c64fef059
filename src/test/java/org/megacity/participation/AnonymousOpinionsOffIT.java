package org.megacity.participation;

import static org.megacity.participation.ParticipationFixture.API;
import static org.megacity.participation.ParticipationFixture.map;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.megacity.legislation.LegislativeAccounts;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A city that takes online opinions from signed-in citizens only. */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
@TestPropertySource(properties = "megacity.participation.anonymous-opinions=false")
class AnonymousOpinionsOffIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;

    @Test
    void anonymousOpinionsAreRefusedAndThePublicDraftAsksToSignIn() throws Exception {
        var accounts = new LegislativeAccounts(mvc, data);
        String staff = accounts.create("off.staff", "LEGISLATIVE_STAFF");
        String citizen = accounts.create("off.citizen", "CITIZEN");
        var api = new ParticipationFixture(mvc);
        String c = api.consultation(staff, api.bill(staff), java.time.Instant.now(), 30);

        api.post(null, API + "/consultations/" + c + "/opinions", map("text", "匿名意见"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:megacity:problem:sign-in-required"));
        api.opinion(citizen, c, map("text", "实名意见"));
        // the public can still read the draft, without comment forms
        mvc.perform(get("/participation/public/consultations/" + c)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/login")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("comment-form"))));
    }
}

package org.megacity.participation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megacity.legislation.DraftVersions;
import org.megacity.legislation.LegislativeAccounts;
import org.megacity.participation.Channel;
import org.megacity.participation.ParticipationFixture;
import org.megacity.platform.DataDirectory;
import org.megacity.platform.PlatformSettings;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** The demo consultation: open on a published draft, opinions from every channel, left alone on a restart. */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
class DemoParticipationIT {

    @Autowired
    DemoParticipation demo;
    @Autowired
    Participation participation;
    @Autowired
    ParticipationStore store;
    @Autowired
    FeedbackReports reports;
    @Autowired
    DraftVersions drafts;
    @Autowired
    PlatformSettings platform;
    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;

    @Test
    void anOpenConsultationWithOpinionsFromEveryChannelAndNothingMoreOnARestart() throws Exception {
        assertThat(demo.seed()).isEmpty();
        String staff = new LegislativeAccounts(mvc, data).create("demo.staff", "LEGISLATIVE_STAFF");
        new ParticipationFixture(mvc).bill(staff);

        String id = demo.seed().orElseThrow();
        Consultation c = participation.consultation(id);
        assertThat(c.state(participation.now())).isEqualTo(Consultation.State.OPEN);
        var report = reports.of(id);
        assertThat(report.opinions()).isEqualTo(12);
        assertThat(report.channels()).allMatch(ch -> ch.count() > 0);
        assertThat(report.channels()).filteredOn(ch -> ch.channel().equals(Channel.CONTACT_POINT.id()))
                .extracting(FeedbackReports.ChannelCount::count).containsExactly(3);
        assertThat(report.campaigns()).hasSize(1).first().extracting(FeedbackReports.Campaign::count).isEqualTo(3);
        assertThat(report.pending()).isEqualTo(8);
        assertThat(report.meetings()).isEqualTo(1);

        new DemoParticipation(participation, store, drafts, platform, true).run(new DefaultApplicationArguments());
        assertThat(store.countConsultations()).isEqualTo(1);
    }
}

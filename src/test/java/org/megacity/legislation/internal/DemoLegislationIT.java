package org.megacity.legislation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megacity.legislation.PriorityArea;
import org.megacity.legislation.Stage;
import org.megacity.legislation.draft.ArticleChange;
import org.megacity.legislation.draft.DraftComparison;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.annotation.DirtiesContext;

/** The demo's legislative plan: built once, from the real regulations, and left alone on a restart. */
@IntegrationTest
@DirtiesContext
class DemoLegislationIT {

    @Autowired
    DemoLegislation demo;
    @Autowired
    Bills bills;
    @Autowired
    BillStore store;
    @Autowired
    org.megacity.platform.PlatformSettings platform;

    @Test
    void aPlanWithTwoRealDraftsInTheirReadingsAndItemsInTheOtherAreas() {
        String plan = demo.seed();

        assertThat(bills.bills(plan)).hasSize(9);
        assertThat(bills.bills(plan)).extracting(Bill::area).contains(PriorityArea.PIPELINES, PriorityArea.PARKS,
                PriorityArea.URBAN_RENEWAL, PriorityArea.DATA_SECURITY, PriorityArea.ARTIFICIAL_INTELLIGENCE);
        Bill pipelines = bills.bills(plan).stream().filter(b -> b.area() == PriorityArea.PIPELINES).findFirst().orElseThrow();
        assertThat(pipelines.stage()).isEqualTo(Stage.SECOND_READING);
        assertThat(bills.history(pipelines.id())).hasSize(5);
        assertThat(bills.versions(pipelines.id())).hasSize(2).allMatch(VersionSummary::published);
        assertThat(bills.versions(pipelines.id()).get(0).articleCount()).isEqualTo(57);
        DraftComparison diff = bills.compare(pipelines.id(), 1, 2);
        assertThat(diff.substantive()).extracting(ArticleChange::kind).containsExactly(ArticleChange.Kind.ADDED,
                ArticleChange.Kind.CHANGED, ArticleChange.Kind.REMOVED);
        Bill parks = bills.bills(plan).stream().filter(b -> b.area() == PriorityArea.PARKS).findFirst().orElseThrow();
        assertThat(bills.compare(parks.id(), 1, 2).substantive()).hasSize(3);

        // a restart in demo mode finds the bills and adds nothing
        int count = store.countBills();
        new DemoLegislation(bills, store, platform, true).run(new DefaultApplicationArguments());
        assertThat(store.countBills()).isEqualTo(count);
    }
}

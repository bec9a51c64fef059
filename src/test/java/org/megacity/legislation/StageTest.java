package org.megacity.legislation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class StageTest {

    @Test
    void theMainLineRunsFromProposalToLawInForce() {
        Stage stage = Stage.PROPOSED;
        EnumSet<Stage> visited = EnumSet.of(stage);
        for (Stage next : new Stage[] {Stage.IN_PLAN, Stage.DRAFTING, Stage.SUBMITTED, Stage.FIRST_READING,
                Stage.SECOND_READING, Stage.THIRD_READING, Stage.ADOPTED, Stage.PROMULGATED, Stage.IN_FORCE}) {
            assertThat(stage.canMoveTo(next)).as(stage + " → " + next).isTrue();
            stage = next;
            visited.add(stage);
        }
        assertThat(Stage.IN_FORCE.next()).isEmpty();
        assertThat(Stage.WITHDRAWN.next()).isEmpty();
    }

    @Test
    void withdrawnAndShelvedFromAnyStageBeforeAdoptionAndNoSkippingAhead() {
        for (Stage stage : Stage.values()) {
            boolean beforeAdoption = stage.ordinal() < Stage.ADOPTED.ordinal();
            assertThat(stage.canMoveTo(Stage.WITHDRAWN)).as(stage.id()).isEqualTo(beforeAdoption || stage == Stage.SHELVED);
            assertThat(stage.canMoveTo(Stage.SHELVED)).as(stage.id()).isEqualTo(beforeAdoption);
        }
        assertThat(Stage.DRAFTING.canMoveTo(Stage.ADOPTED)).isFalse();
        assertThat(Stage.FIRST_READING.canMoveTo(Stage.ADOPTED)).isTrue();
        assertThat(Stage.SHELVED.next()).containsExactlyInAnyOrder(Stage.IN_PLAN, Stage.DRAFTING, Stage.WITHDRAWN);
        assertThat(Stage.find("second-reading")).contains(Stage.SECOND_READING);
        assertThat(Stage.find(" Second-Reading ")).contains(Stage.SECOND_READING);
        assertThat(Stage.find("second reading")).isEmpty();
    }
}

package org.megacity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class BilingualTest {

    enum Phase implements Bilingual {
        IN_PROGRESS("办理中", "In progress"), DONE("已办结", "Done");

        private final Names names;

        Phase(String nameZh, String nameEn) {
            this.names = new Names(null, nameZh, nameEn);
        }

        @Override
        public Names names() {
            return names;
        }
    }

    @Test
    void theIdIsTheConstantInLowerCaseWithHyphens() {
        assertThat(Phase.IN_PROGRESS.id()).isEqualTo("in-progress");
    }

    @Test
    void anIdIsReadLenientlyButOnlyForAConstantThatExists() {
        assertThat(Bilingual.find(Phase.class, "in-progress")).contains(Phase.IN_PROGRESS);
        assertThat(Bilingual.find(Phase.class, " In-Progress ")).contains(Phase.IN_PROGRESS);
        assertThat(Bilingual.find(Phase.class, "IN_PROGRESS")).contains(Phase.IN_PROGRESS);
        assertThat(Bilingual.find(Phase.class, "progress")).isEmpty();
        assertThat(Bilingual.find(Phase.class, null)).isEmpty();
    }

    @Test
    void anUnknownIdIsRefusedNamingWhatIsAccepted() {
        assertThatThrownBy(() -> Bilingual.parse(Phase.class, "finished", "phase"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown phase 'finished'; one of in-progress, done");
    }

    @Test
    void theNameFollowsTheLanguage() {
        assertThat(Phase.DONE.name(Locale.SIMPLIFIED_CHINESE)).isEqualTo("已办结");
        assertThat(Phase.DONE.name(Locale.ENGLISH)).isEqualTo("Done");
    }
}

package org.megacity.legislation.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megacity.participation.ParticipationFixture;
import org.megacity.testing.Hostile;

/**
 * The draft parser over structure-aware mutations of real regulations and raw hostile text (see
 * {@link Hostile}): a draft, or a rejection whose every problem names a line of the text; never an
 * exception. What parses also writes out as Markdown and as Akoma Ntoso.
 */
class DraftParserHostileTest {

    @Test
    void hostileRegulationTextParsesOrIsRejectedLineByLine() {
        List<String> valid = List.of(ParticipationFixture.BILL, ParticipationFixture.BILL_V2);
        Hostile.theory("draft parser", 10_000).forAll(Hostile.bodies(valid)).checkAssert(bytes -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            ParseOutcome outcome = DraftParser.parse(text);
            if (outcome instanceof ParseOutcome.Rejected rejected) {
                int lines = text.split("\r\n|\r|\n", -1).length;
                assertThat(rejected.problems()).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.line()).isBetween(1, lines);
                    assertThat(p.message()).isNotBlank();
                });
            } else {
                Draft draft = ((ParseOutcome.Parsed) outcome).draft();
                assertThat(DraftText.markdown(draft)).isNotBlank();
            }
        });
    }

    /** Found by the fuzzing: a heading longer than its column made the database refuse the version (a 500). */
    @Test
    void aHeadingLongerThanFiveHundredCharactersIsRejectedWithItsLine() {
        String text = "某市条例\n\n第一章 " + "总".repeat(DraftParser.MAX_HEADING + 1) + "\n\n第一条 本条例适用于本市。\n";
        ParseOutcome outcome = DraftParser.parse(text);
        assertThat(outcome).isInstanceOf(ParseOutcome.Rejected.class);
        assertThat(((ParseOutcome.Rejected) outcome).problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("at most 500");
        });
        assertThat(DraftParser.parse(text.replace("总".repeat(DraftParser.MAX_HEADING + 1), "总".repeat(DraftParser.MAX_HEADING))))
                .isInstanceOf(ParseOutcome.Parsed.class);
    }
}

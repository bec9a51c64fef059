package org.megacity.participation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.megacity.participation.Channel;
import org.megacity.participation.OpinionAnalysis.OpinionGroup;
import org.megacity.participation.OpinionAnalysis.OpinionText;

/** Campaigns as the simple analysis sees them: the same words, whatever the whitespace. */
class ExactDuplicatesTest {

    @Test
    void identicalTextsUpToWhitespaceFormOneCampaignLargestFirst() {
        List<OpinionText> opinions = List.of(
                text("a", "支持第四条， 损坏管线必须重罚！"),
                text("b", "  支持第四条，\u3000损坏管线必须重罚！\n"),
                text("c", "支持第四条，   损坏管线必须重罚！"),
                text("d", "反对第四条。"),
                text("e", "反对第四条。"),
                text("f", "独立意见"),
                text("g", "支持第四条，损坏管线必须重罚"));
        List<OpinionGroup> groups = new ExactDuplicates().groups(opinions);
        assertThat(groups).extracting(OpinionGroup::opinionIds).containsExactly(List.of("a", "b", "c"), List.of("d", "e"));
        assertThat(groups).allMatch(g -> g.kind().equals("campaign"));
        assertThat(groups.getFirst().label()).isEqualTo("支持第四条， 损坏管线必须重罚！");
    }

    @Test
    void normalisingCollapsesEveryWhitespaceRunAndTrims() {
        assertThat(Participation.normalised(" \t甲\u3000\u3000乙 \r\n 丙\n")).isEqualTo("甲 乙 丙");
        assertThat(Participation.normalised("   ")).isEmpty();
        assertThat(Participation.normalised("a b")).isEqualTo("a b");
        assertThat(ExactDuplicates.cut("一二三四五", 3)).isEqualTo("一二三…");
        assertThat(ExactDuplicates.cut("😀😀😀😀", 2)).isEqualTo("😀😀…");
    }

    private static OpinionText text(String id, String text) {
        return new OpinionText(id, null, Channel.ONLINE, text);
    }
}

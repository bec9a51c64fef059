package org.megacity.participation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.megacity.participation.Channel;
import org.megacity.participation.OpinionAnalysis.OpinionGroup;
import org.megacity.participation.OpinionAnalysis.OpinionText;

class EngineAnalysisTest {

    private static final String LETTER = "我们坚决支持第十二条关于管线占用道路施工必须提前公示的规定，建议把公示期限从三日延长到七日，"
            + "并且在施工现场设置醒目的公示牌，方便周边居民和商户及时了解施工安排。";

    @Test
    void formLetterVariantsThatExactMatchingMissesFormOneCampaign() {
        List<OpinionText> opinions = List.of(
                new OpinionText("o1", "art_12", Channel.ONLINE, LETTER),
                new OpinionText("o2", "art_12", Channel.ONLINE, LETTER.replace("坚决支持", "完全赞同")),
                new OpinionText("o3", "art_12", Channel.LETTER, LETTER.replace("醒目的", "明显的")),
                new OpinionText("o4", null, Channel.ONLINE, "公园的开放时间应当延长到晚上十点，夏季游客很多。"));

        List<OpinionGroup> exact = new ExactDuplicates().groups(opinions);
        List<OpinionGroup> engine = new EngineAnalysis().groups(opinions);

        assertThat(exact).isEmpty();
        OpinionGroup campaign = engine.stream().filter(g -> g.kind().equals("campaign")).findFirst().orElseThrow();
        assertThat(campaign.opinionIds()).containsExactlyInAnyOrder("o1", "o2", "o3");
        assertThat(engine).filteredOn(g -> g.kind().equals("campaign")).hasSize(1);
    }
}

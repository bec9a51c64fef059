package org.megacity.opinionanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analysis on small hand-made examples: campaigns, topics, heat, stance, streaming. */
class OpinionAnalyzerTest {

    static final String FORM = "我坚决反对草案第五条关于电动自行车必须上牌的规定。这一规定会给广大外卖骑手和上班族带来沉重的负担。"
            + "建议取消强制上牌要求，改为自愿登记。同时政府应当增加公共充电设施，解决充电难的问题。";
    static final String VARIANT = "我是渝中区的王伟，我强烈反对草案第五条关于电动自行车一律上牌的规定。这一规定将给众多外卖骑手和通勤族带来很大的负担。"
            + "希望取消强制上牌要求，改为自主登记。同时有关部门应当增加公共充电设施，缓解充电难的问题。";
    static final String FORM_EN = "I strongly oppose Article 4 of the draft ordinance on short-term rentals. It would take away a vital "
            + "source of income from families who rent out a spare room. Please drop the 90 day cap.";

    final OpinionAnalyzer analyzer = new OpinionAnalyzer();

    static OpinionText op(String id, String text, String article, String channel, String at) {
        return new OpinionText(id, text, article, channel, at == null ? null : Instant.parse(at));
    }

    @Test
    void groupsExactCopiesAndMailMergeVariantsIntoOneCampaign() {
        List<OpinionText> in = List.of(
                op("a", FORM, "art_5", "web", "2026-03-02T10:00:00Z"),
                op("b", FORM, "art_5", "mail", "2026-03-01T09:00:00Z"),
                op("c", VARIANT, "art_5", "web", "2026-03-05T09:00:00Z"),
                op("d", "养犬管理条例应当允许老人饲养小型犬，并设立专门的遛狗公园，费用由财政承担。", "art_12", "app", null),
                op("e", "Ｉ　ｓｔｒｏｎｇｌｙ oppose Article 4 of the draft ordinance on short-term rentals! It would take away a vital "
                        + "source of income from families who rent out a spare room. Please drop the 90 day cap.", "art_4", null, null),
                op("f", FORM_EN, "art_4", null, null));
        OpinionAnalysis analysis = analyzer.analyse(in);

        assertThat(analysis.opinions()).isEqualTo(6);
        assertThat(analysis.campaigns()).hasSize(2);
        Campaign zh = analysis.campaigns().get(0);
        assertThat(zh.memberIds()).containsExactly("a", "b", "c");
        assertThat(zh.id()).isEqualTo("C-1");
        assertThat(zh.count()).isEqualTo(3);
        assertThat(zh.exactCopies()).isEqualTo(1);
        assertThat(zh.representativeId()).isEqualTo("a");
        assertThat(zh.representativeText()).isEqualTo(FORM);
        assertThat(zh.firstSeen()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(zh.lastSeen()).isEqualTo(Instant.parse("2026-03-05T09:00:00Z"));
        assertThat(zh.channels()).containsEntry("web", 2).containsEntry("mail", 1);
        Campaign en = analysis.campaigns().get(1);
        assertThat(en.memberIds()).as("full-width letters and punctuation do not matter").containsExactly("e", "f");
        assertThat(analysis.assignments().get(3).campaignId()).isNull();
        assertThat(analysis.assignments().get(2).campaignId()).isEqualTo("C-1");
    }

    @Test
    void heatCountsOpinionsDistinctOpinionsAndTheCampaignShare() {
        List<OpinionText> in = List.of(op("a", FORM, "art_5", null, null), op("b", FORM, "art_5", null, null),
                op("c", VARIANT, "art_5", null, null),
                op("d", "第五条的过渡期太短，建议延长到两年，让非标车主有时间更换。", "art_5", null, null),
                op("e", "总体上赞成这个草案。", null, null, null));
        OpinionAnalysis analysis = analyzer.analyse(in);
        assertThat(analysis.heat()).extracting(ArticleHeat::article).containsExactly("", "art_5");
        ArticleHeat art5 = analysis.heat().get(1);
        assertThat(art5.opinions()).isEqualTo(4);
        assertThat(art5.distinctOpinions()).isEqualTo(2);
        assertThat(art5.campaignOpinions()).isEqualTo(3);
        assertThat(art5.campaignShare()).isEqualTo(0.75);
    }

    @Test
    void shortTextsNeverFormACampaign() {
        OpinionAnalysis analysis = analyzer.analyse(List.of(OpinionText.of("1", "支持！"), OpinionText.of("2", "支持！"),
                OpinionText.of("3", "agree"), OpinionText.of("4", "agree")));
        assertThat(analysis.campaigns()).isEmpty();
    }

    @Test
    void theStanceHintFollowsItsLexicon() {
        assertThat(OpinionAnalyzer.stanceHint("我完全支持这个草案")).isEqualTo(Stance.SUPPORT);
        assertThat(OpinionAnalyzer.stanceHint("我不支持第五条，坚决反对")).isEqualTo(Stance.OPPOSE);
        assertThat(OpinionAnalyzer.stanceHint("建议将第三款修改为：应当公示")).isEqualTo(Stance.PROPOSE_CHANGE);
        assertThat(OpinionAnalyzer.stanceHint("I do not support this; I oppose the cap")).isEqualTo(Stance.OPPOSE);
        assertThat(OpinionAnalyzer.stanceHint("The weather is nice")).isNull();
        assertThat(OpinionAnalyzer.STANCE_LEXICON.get(Stance.SUPPORT)).contains("支持", "support");
    }

    @Test
    void topicsGatherOpinionsOnTheSameMatterAndAreLabelledByTheirTopTerms() {
        List<OpinionText> in = new ArrayList<>();
        String[] dogs = {"养犬登记费用太高，建议降低养犬登记费用。", "小区遛狗不牵绳的现象严重，养犬人应当文明养犬。",
                "养犬管理要加强，犬只免疫和养犬登记都要落实。", "遛狗不牵绳咬伤儿童，应当加大对养犬人的处罚。",
                "建议设立遛狗公园，方便养犬市民。", "养犬登记应当可以网上办理。"};
        String[] noise = {"夜间施工噪声严重影响睡眠，建议限制夜间施工时间。", "工地夜间施工扰民，噪声投诉无人处理。",
                "广场舞噪声太大，夜间应当限制音响音量。", "高架桥噪声影响居民休息，建议安装隔音屏障。",
                "夜间施工噪声超标应当重罚。", "噪声监测设备太少，建议增加噪声监测点。"};
        for (int i = 0; i < dogs.length; i++) {
            in.add(op("dog" + i, dogs[i], "art_12", null, null));
            in.add(op("noise" + i, noise[i], "art_30", null, null));
        }
        OpinionAnalysis analysis = new OpinionAnalyzer(AnalysisSettings.defaults().withMaxTopics(2)).analyse(in);
        assertThat(analysis.topics()).hasSize(2);
        Topic first = analysis.topics().get(0);
        Topic second = analysis.topics().get(1);
        List<String> all = new ArrayList<>(first.terms());
        all.addAll(second.terms());
        assertThat(all).contains("养犬", "噪声");
        Topic dogTopic = first.terms().contains("养犬") ? first : second;
        assertThat(dogTopic.memberIds()).allMatch(id -> id.startsWith("dog")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(dogTopic.perArticle()).containsKey("art_12");
        assertThat(dogTopic.labelZh()).contains("养犬");
    }

    @Test
    void campaignMembersTakeTheTopicOfTheirCampaign() {
        List<OpinionText> in = List.of(op("a", FORM, null, null, null), op("b", FORM, null, null, null),
                op("c", VARIANT, null, null, null), op("d", "电动自行车充电桩太少，建议在小区增加充电桩。", null, null, null),
                op("e", "电动自行车上牌手续繁琐，建议简化上牌手续。", null, null, null));
        OpinionAnalysis analysis = analyzer.analyse(in);
        String t = analysis.assignments().get(0).topicId();
        assertThat(t).isNotNull();
        assertThat(analysis.assignments().get(1).topicId()).isEqualTo(t);
        assertThat(analysis.assignments().get(2).topicId()).isEqualTo(t);
    }

    @Test
    void streamedOpinionsJoinExistingCampaignsAndAFullRecomputeAgreesWithTheBatch() {
        IncrementalAnalyzer stream = analyzer.incremental();
        assertThat(stream.add(op("a", FORM, "art_5", "web", null)).campaignId()).isNull();
        stream.add(op("x", "第十二条的养犬登记费用太高，建议降低。", "art_12", null, null));
        assertThat(stream.add(op("b", VARIANT, "art_5", "mail", null)).campaignId()).isEqualTo("C-1");
        assertThat(stream.add(op("c", FORM, "art_5", "web", null)).campaignId()).isEqualTo("C-1");
        OpinionAnalysis snapshot = stream.snapshot();
        assertThat(snapshot.campaigns()).singleElement().satisfies(c -> assertThat(c.memberIds()).containsExactly("a", "b", "c"));
        OpinionAnalysis recomputed = stream.recompute();
        List<OpinionText> all = List.of(op("a", FORM, "art_5", "web", null), op("x", "第十二条的养犬登记费用太高，建议降低。", "art_12", null, null),
                op("b", VARIANT, "art_5", "mail", null), op("c", FORM, "art_5", "web", null));
        assertThat(recomputed).isEqualTo(analyzer.analyse(all));
        assertThat(stream.size()).isEqualTo(4);
    }

    @Test
    void opinionsBeyondTheClusteringSampleAreAssignedByTheLearnedVocabulary() {
        List<OpinionText> in = OpinionCorpus.opinions(OpinionCorpus.generate(5, 4, 300, 700));
        IncrementalAnalyzer full = new IncrementalAnalyzer(AnalysisSettings.defaults());
        full.addAll(in);
        full.recomputeTopics();
        IncrementalAnalyzer sampled = new IncrementalAnalyzer(AnalysisSettings.defaults()).withTopicSample(300);
        sampled.addAll(in);
        sampled.recomputeTopics();
        OpinionAnalysis a = sampled.snapshot();
        long withTopic = a.assignments().stream().filter(x -> x.topicId() != null).count();
        assertThat(withTopic).isGreaterThan(in.size() * 9 / 10);
        assertThat(a.topics()).isNotEmpty();
        assertThat(a).isEqualTo(sampled.snapshot());
        assertThat(full.snapshot().campaigns()).isEqualTo(a.campaigns());
    }

    @Test
    void addingOneByOneGroupsExactlyAsTheBatchDoes() {
        for (long seed : new long[] {11, 12}) {
            List<OpinionText> in = OpinionCorpus.opinions(OpinionCorpus.generate(seed, 8, 1400, 600));
            IncrementalAnalyzer single = analyzer.incremental();
            List<String> streamed = new ArrayList<>();
            for (OpinionText o : in) {
                streamed.add(single.add(o).campaignId());
            }
            OpinionAnalysis batch = analyzer.analyse(in);
            assertThat(single.snapshot().campaigns()).isEqualTo(batch.campaigns());
            assertThat(single.comparisons()).isPositive();
            List<String> finalCampaigns = batch.assignments().stream().map(OpinionAssignment::campaignId).toList();
            for (int i = 0; i < in.size(); i++) {
                if (streamed.get(i) != null) {
                    assertThat(finalCampaigns.get(i)).as("an opinion never leaves its campaign").isNotNull();
                }
            }
        }
    }

    @Test
    void theCampaignStreamGroupsExactlyAsTheAnalysisWithoutKeepingTheTexts() {
        List<OpinionCorpus.Labelled> corpus = OpinionCorpus.generate(13, 8, 2100, 900);
        List<OpinionText> in = OpinionCorpus.opinions(corpus);
        List<String> expected = analyzer.analyse(in).assignments().stream().map(OpinionAssignment::campaignId).toList();
        CampaignStream batch = analyzer.campaignStream();
        batch.addAll(in.stream().map(OpinionText::text).toList());
        CampaignStream single = analyzer.campaignStream();
        for (OpinionText o : in) {
            single.add(o.text());
        }
        assertThat(batch.size()).isEqualTo(in.size());
        for (int i = 0; i < in.size(); i++) {
            assertThat(batch.campaignId(i)).as("opinion %d in the batch", i).isEqualTo(expected.get(i));
            assertThat(single.campaignId(i)).as("opinion %d one by one", i).isEqualTo(expected.get(i));
        }
        CampaignStream.Stats stats = batch.stats();
        assertThat(stats.opinions()).isEqualTo(in.size());
        // only opinions that joined no group on arrival keep their shingles: the organic ones and a
        // few variants of each form letter, not the 2,100 campaign opinions
        assertThat(stats.founders()).isLessThan(900 + 8 * 60).isGreaterThan(800);
        assertThat(batch.campaignSize(0)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void longOpinionsGroupWithTheirCopiesAndExcerpts() {
        // over 1,024 distinct shingles a founder keeps its 32-bit hashes; an excerpt keeps 16-bit ones
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        StringBuilder a = new StringBuilder();
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            a.appendCodePoint(0x4E00 + random.nextInt(6000));
            d.appendCodePoint(0x4E00 + random.nextInt(6000));
        }
        String edited = a.substring(0, 1400) + "第十二条的养犬登记费用太高建议降低".repeat(5);
        String excerpt = a.substring(0, 900);
        OpinionAnalysis analysis = analyzer.analyse(List.of(OpinionText.of("a", a.toString()), OpinionText.of("d", d.toString()),
                OpinionText.of("edited", edited), OpinionText.of("excerpt", excerpt)));
        assertThat(analysis.campaigns()).singleElement()
                .satisfies(c -> assertThat(c.memberIds()).containsExactly("a", "edited", "excerpt"));
    }

    @Test
    void badInputIsAnalysedNotRejected() {
        String lone = "abc\uD800def\uDC00 ghijklmnopqrstuvwxyz";
        String emoji = "👍👍👍👍👍👍👍👍👍👍👍👍";
        String huge = "很长的意见".repeat(20_000);
        List<OpinionText> in = List.of(OpinionText.of("1", lone), OpinionText.of("2", lone), OpinionText.of("3", emoji),
                OpinionText.of("4", emoji), OpinionText.of("5", huge), OpinionText.of("6", null), OpinionText.of("7", ""),
                OpinionText.of("8", "混合 scripts 的意见 with English 和中文 123"));
        OpinionAnalysis analysis = analyzer.analyse(in);
        assertThat(analysis.assignments()).hasSize(8);
        assertThat(analysis.campaigns()).singleElement().satisfies(c -> assertThat(c.memberIds()).containsExactly("1", "2"));
    }
}

package org.megacity.opinionanalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of the analysis for arbitrary input. */
class OpinionAnalysisProperties {

    /** Random text over a large alphabet: Chinese characters and Latin letters. */
    static String randomText(long seed, int length) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder();
        boolean chinese = random.nextBoolean();
        for (int i = 0; i < length; i++) {
            b.appendCodePoint(chinese ? 0x4E00 + random.nextInt(6000) : 'a' + random.nextInt(26));
            if (!chinese && random.nextInt(6) == 0) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    static final Gen<List<String>> ANY_TEXTS = lists().of(strings().allPossible().ofLengthBetween(0, 60)).ofSizeBetween(0, 12);

    static List<OpinionText> opinions(List<String> texts) {
        List<OpinionText> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(new OpinionText("o" + i, texts.get(i), i % 2 == 0 ? "art_" + (i % 3) : null, null, null));
        }
        return out;
    }

    @Test
    void anyStringsAreAnalysedWithoutFailing() {
        qt().withExamples(300).forAll(ANY_TEXTS).checkAssert(texts -> {
            OpinionAnalysis analysis = new OpinionAnalyzer().analyse(opinions(texts));
            assertThat(analysis.assignments()).hasSize(texts.size());
            IncrementalAnalyzer stream = new OpinionAnalyzer().incremental();
            for (OpinionText o : opinions(texts)) {
                stream.add(o);
            }
            assertThat(stream.snapshot().opinions()).isEqualTo(texts.size());
        });
    }

    @Test
    void theCampaignStreamAgreesWithTheAnalysisOnAnyTexts() {
        qt().withExamples(200).forAll(ANY_TEXTS, longs().all()).checkAssert((texts, seed) -> {
            OpinionAnalyzer analyzer = new OpinionAnalyzer(AnalysisSettings.defaults().withSeed(seed));
            List<OpinionAssignment> expected = analyzer.analyse(opinions(texts)).assignments();
            CampaignStream stream = analyzer.campaignStream();
            stream.addAll(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(stream.campaignId(i)).isEqualTo(expected.get(i).campaignId());
            }
        });
    }

    @Test
    void theResultIsTheSameForTheSameSeed() {
        qt().withExamples(40).forAll(longs().between(0, 1_000_000), longs().all()).checkAssert((corpusSeed, seed) -> {
            List<OpinionText> in = OpinionCorpus.opinions(OpinionCorpus.generate(corpusSeed, 3, 60, 40));
            AnalysisSettings settings = AnalysisSettings.defaults().withSeed(seed);
            assertThat(new OpinionAnalyzer(settings).analyse(in)).isEqualTo(new OpinionAnalyzer(settings).analyse(in));
        });
    }

    @Test
    void anOpinionAndItsExactCopyAreAlwaysInOneCampaign() {
        qt().withExamples(300).forAll(strings().allPossible().ofLengthBetween(0, 200), longs().all(), integers().between(10, 300))
                .checkAssert((prefix, seed, length) -> {
                    String text = prefix + randomText(seed, length);
                    List<OpinionText> in = List.of(OpinionText.of("a", text), OpinionText.of("x", randomText(seed + 1, 80)),
                            OpinionText.of("b", text));
                    OpinionAnalysis analysis = new OpinionAnalyzer(AnalysisSettings.defaults().withSeed(seed)).analyse(in);
                    assertThat(analysis.assignments().get(0).campaignId()).isNotNull()
                            .isEqualTo(analysis.assignments().get(2).campaignId());
                });
    }

    @Test
    void unrelatedRandomTextsDoNotGroup() {
        qt().withExamples(200).forAll(longs().all(), integers().between(20, 300)).checkAssert((seed, length) -> {
            List<OpinionText> in = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                in.add(OpinionText.of("r" + i, randomText(seed * 31 + i, length)));
            }
            assertThat(new OpinionAnalyzer(AnalysisSettings.defaults().withSeed(seed)).analyse(in).campaigns()).isEmpty();
        });
    }
}

package org.megacity.legislation.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every regulation in shared/data/regulations reads with the article count, chapters and sections its README gives. */
class RegulationImportTest {

    static final List<Regulations.Expected> regulations = Regulations.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("regulations")
    void readsWithTheRightArticlesChaptersAndSections(Regulations.Expected expected) {
        Draft draft = Regulations.parse(expected.text());

        assertThat(draft.articleCount()).isEqualTo(expected.articles());
        assertThat(draft.divisions(DivisionLevel.CHAPTER)).extracting(Division::heading)
                .containsExactlyElementsOf(expected.chapters());
        assertThat(draft.divisions(DivisionLevel.SECTION)).hasSize(expected.sections());
        assertThat(draft.title()).startsWith(expected.file().startsWith("重庆") ? "重庆市" : "中华人民共和国");
        assertThat(draft.history()).isNotEmpty().allMatch(h -> h.matches("[0-9]{4}年.*"));
        assertThat(draft.preamble()).isEmpty();
        List<Article> articles = draft.articles();
        for (int i = 0; i < articles.size(); i++) {
            assertThat(articles.get(i).number()).isEqualTo(ArticleNumber.of(i + 1));
            assertThat(articles.get(i).paragraphs()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("regulations")
    void writesBackToTextThatReadsToTheSameStructure(Regulations.Expected expected) {
        Draft draft = Regulations.parse(expected.text());
        assertThat(Structure.of(Regulations.parse(DraftText.plain(draft)))).isEqualTo(Structure.of(draft));
        assertThat(Structure.of(Regulations.parse(DraftText.markdown(draft)))).isEqualTo(Structure.of(draft));
    }

    @Test
    void theLegislationLawHasItsSectionsArticlesParagraphsAndItemsWithAkomaNtosoIds() {
        Draft law = Regulations.parse(Regulations.LEGISLATION_LAW.text());
        assertThat(law.divisions(DivisionLevel.SECTION)).extracting(Division::eId).containsExactly(
                "chp_2__sec_1", "chp_2__sec_2", "chp_2__sec_3", "chp_2__sec_4", "chp_2__sec_5", "chp_4__sec_1", "chp_4__sec_2");
        Article article40 = law.articles().get(39);
        assertThat(article40.eId()).isEqualTo("chp_2__sec_3__art_40");
        assertThat(article40.paragraphs().getFirst().eId()).isEqualTo("chp_2__sec_3__art_40__para_1");
        assertThat(article40.text()).contains("三十日");
        Article article65 = law.articles().get(64);
        assertThat(article65.text()).contains("编、章、节、条、款、项、目");

        Draft pipelines = Regulations.parse(Regulations.PIPELINES.text());
        Article withItems = pipelines.articles().stream().filter(a -> a.paragraphs().stream()
                .anyMatch(p -> !p.items().isEmpty())).findFirst().orElseThrow();
        Item first = withItems.paragraphs().stream().flatMap(p -> p.items().stream()).findFirst().orElseThrow();
        assertThat(first.eId()).matches("chp_\\d+__art_\\d+__para_\\d+__list_1__point_1");
        assertThat(first.num()).isEqualTo("（一）");
    }

    @Test
    void theDeputiesLawsRepeatedTitleIsNotAPreamble() {
        Draft law = Regulations.parse(Regulations.DEPUTIES_LAW.text());
        assertThat(law.title()).isEqualTo("中华人民共和国全国人民代表大会和地方各级人民代表大会代表法");
        assertThat(law.history()).hasSize(5);
    }
}

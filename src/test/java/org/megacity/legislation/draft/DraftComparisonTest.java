package org.megacity.legislation.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.megacity.legislation.draft.ArticleChange.Kind;
import org.megacity.legislation.draft.ArticleChange.TextEdit;

class DraftComparisonTest {

    static final Draft PIPELINES = Regulations.parse(Regulations.PIPELINES.text());

    @Test
    void insertingDeletingAndChangingAnArticleAreExactlyThreeChangesAndTheRestIsRenumbered() {
        String changed = PIPELINES.articles().get(9).text().replace("应当", "必须");
        Draft second = Regulations.parse(Redrafting.of(PIPELINES)
                .change(10, changed)
                .insertAfter(20, "管线单位应当建立管线安全风险评估制度，每年向市城市管线主管部门报告评估结果。")
                .delete(41) // the old article 40, now numbered 41
                .text());

        DraftComparison diff = DraftComparison.between(PIPELINES, second);

        assertThat(diff.substantive()).extracting(ArticleChange::kind)
                .containsExactly(Kind.CHANGED, Kind.ADDED, Kind.REMOVED);
        ArticleChange change = diff.substantive().get(0);
        assertThat(change.from().number()).isEqualTo(ArticleNumber.of(10));
        assertThat(change.to().number()).isEqualTo(ArticleNumber.of(10));
        assertThat(change.edits()).filteredOn(e -> e.op() == TextEdit.Op.INSERT).extracting(TextEdit::text)
                .containsOnly("必须");
        assertThat(diff.substantive().get(1).to().number()).isEqualTo(ArticleNumber.of(21));
        assertThat(diff.substantive().get(2).from().number()).isEqualTo(ArticleNumber.of(40));
        assertThat(diff.count(Kind.RENUMBERED)).isEqualTo(19);
        assertThat(diff.changes()).filteredOn(c -> c.kind() == Kind.RENUMBERED)
                .allSatisfy(c -> assertThat(c.to().number().main()).isEqualTo(c.from().number().main() + 1));
        assertThat(diff.count(Kind.UNCHANGED)).isEqualTo(36);
        assertThat(diff.count(Kind.MOVED)).isZero();
        // in reading order: the removed article stands where it was
        List<ArticleChange> changes = diff.changes();
        int removedAt = changes.indexOf(diff.substantive().get(2));
        assertThat(changes.get(removedAt - 1).from().number()).isEqualTo(ArticleNumber.of(39));
        assertThat(changes.get(removedAt + 1).from().number()).isEqualTo(ArticleNumber.of(41));
    }

    @Test
    void aMovedArticleIsOneMoveNotAChainOfChanges() {
        Draft second = Regulations.parse(Redrafting.of(PIPELINES).move(5, 30).text());
        DraftComparison diff = DraftComparison.between(PIPELINES, second);
        assertThat(diff.substantive()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.MOVED);
            assertThat(c.from().number()).isEqualTo(ArticleNumber.of(5));
            assertThat(c.to().number()).isEqualTo(ArticleNumber.of(30));
        });
        assertThat(diff.count(Kind.RENUMBERED)).isEqualTo(25);
    }

    @Test
    void aVersionComparedWithItselfHasNoChanges() {
        DraftComparison diff = DraftComparison.between(PIPELINES, PIPELINES);
        assertThat(diff.count(Kind.UNCHANGED)).isEqualTo(57);
        assertThat(diff.substantive()).isEmpty();
    }

    @Test
    void aRewrittenArticleThatSharesLittleTextIsARemovalAndAnAddition() {
        Draft second = Regulations.parse(Redrafting.of(PIPELINES).change(3, "本条例由市人民政府负责解释。").text());
        DraftComparison diff = DraftComparison.between(PIPELINES, second);
        assertThat(diff.substantive()).extracting(ArticleChange::kind).containsExactlyInAnyOrder(Kind.ADDED, Kind.REMOVED);
    }

    @Test
    void characterEditsRebuildBothTexts() {
        List<TextEdit> edits = DraftComparison.edits("城市管线应当统一规划", "城市地下管线必须统一规划建设");
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        for (TextEdit e : edits) {
            if (e.op() != TextEdit.Op.INSERT) {
                left.append(e.text());
            }
            if (e.op() != TextEdit.Op.DELETE) {
                right.append(e.text());
            }
        }
        assertThat(left).hasToString("城市管线应当统一规划");
        assertThat(right).hasToString("城市地下管线必须统一规划建设");
    }
}

package org.megacity.legislation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.megacity.legislation.draft.Regulations;

/** The elements of a version as other modules read them: labels, article ids, lookup by eId or wId. */
class DraftVersionTest {

    static final String TEXT = """
            某市示范条例
            第一条　为了示范，制定本条例。
            第二条　本条例适用于下列事项：
            （一）公园；
            （二）绿地。
            前款规定以外的事项，另行规定。
            """;

    @Test
    void elementsAreListedInOrderWithReadableLabelsAndTheirArticle() {
        var draft = Regulations.parse(TEXT);
        var version = new DraftVersion(new DraftVersion.Summary("b1", 2, "某市示范条例", null, 2, Instant.EPOCH), draft,
                Map.of("art_2", "art_2", "art_2__para_2", "art_2__para_2v2"));
        assertThat(version.elements()).extracting(DraftVersion.Element::eId).containsExactly("art_1", "art_1__para_1",
                "art_2", "art_2__para_1", "art_2__para_1__list_1__point_1", "art_2__para_1__list_1__point_2",
                "art_2__para_2");
        var item = version.element("art_2__para_1__list_1__point_2").orElseThrow();
        assertThat(item.label()).isEqualTo("第二条第一款第（二）项");
        assertThat(item.articleEId()).isEqualTo("art_2");
        assertThat(item.text()).isEqualTo("（二）绿地。");
        assertThat(version.element("art_2__para_2v2").orElseThrow().eId()).isEqualTo("art_2__para_2");
        assertThat(version.element("art_2__para_2").orElseThrow().wId()).isEqualTo("art_2__para_2v2");
        assertThat(version.element("art_9")).isEmpty();
        assertThat(version.element(null)).isEmpty();
    }
}

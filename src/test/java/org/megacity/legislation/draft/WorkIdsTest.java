package org.megacity.legislation.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Work-level ids stay with their elements across versions; new elements never reuse one. */
class WorkIdsTest {

    private static final String V1 = """
            条例
            第一章 总则
            第一条 甲。
            第二条 下列事项：
            （一）规划；
            （二）建设。
            乙款。
            第二章 附则
            第三条 施行。
            """;

    @Test
    void itemsAndParagraphsKeepTheirIdsWhenSomethingIsInsertedBeforeThem() {
        Draft first = Regulations.parse(V1);
        Draft second = Regulations.parse("""
                条例
                第一章 总则
                第一条 新条。
                第二条 甲。
                第三条 下列事项：
                （一）新项；
                （二）规划；
                （三）建设。
                新款。
                乙款。
                第二章 附则
                第四条 施行。
                """);
        Map<String, String> ids = WorkIds.carriedOver(first, WorkIds.initial(first), second,
                DraftComparison.between(first, second), Set.of(), 2);

        assertThat(ids).containsEntry("chp_1__art_2", "chp_1__art_1")
                .containsEntry("chp_1__art_3", "chp_1__art_2")
                .containsEntry("chp_1__art_1", "chp_1__art_1v2")
                .containsEntry("chp_1__art_3__para_1__list_1__point_2", "chp_1__art_2__para_1__list_1__point_1")
                .containsEntry("chp_1__art_3__para_1__list_1__point_3", "chp_1__art_2__para_1__list_1__point_2")
                .containsEntry("chp_1__art_3__para_1__list_1__point_1", "chp_1__art_2__para_1__list_1__point_1v2")
                .containsEntry("chp_1__art_3__para_3", "chp_1__art_2__para_2")
                .containsEntry("chp_1__art_3__para_2", "chp_1__art_2__para_2v2")
                .containsEntry("chp_2__art_4", "chp_2__art_3")
                .containsEntry("chp_2", "chp_2");
        assertThat(new HashSet<>(ids.values())).hasSameSizeAs(ids.values());
    }

    @Test
    void anIdUsedInAnyEarlierVersionIsNeverGivenToANewElement() {
        Draft first = Regulations.parse(V1);
        Draft second = Regulations.parse(V1.replace("第三条 施行。", "第三条 全新的条文内容与原文毫无关系。"));
        Map<String, String> ids = WorkIds.carriedOver(first, WorkIds.initial(first), second,
                DraftComparison.between(first, second), Set.of("chp_2__art_3v2"), 2);
        assertThat(ids.get("chp_2__art_3")).isEqualTo("chp_2__art_3v2-2");
    }
}

package org.megacity.legislation.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The structures of real legal texts beyond the eight files, and the refusals of what is not one. */
class DraftParserTest {

    @Test
    void aCodeWithBooksSubBooksAndArticleOneThousandTwoHundredAndSixty() {
        StringBuilder text = new StringBuilder("中华人民共和国民法典\n\n（2020年5月28日第十三届全国人民代表大会第三次会议通过）\n\n");
        text.append("目　　录\n第一编　总　　则\n第一章　基本规定\n第二编　物　　权\n第一分编　通　　则\n第一章　一般规定\n第二章　物权的设立\n附　　则\n\n");
        text.append("第一编　总　　则\n\n第一章　基本规定\n\n");
        int article = 1;
        for (; article <= 600; article++) {
            text.append("第").append(ChineseNumerals.format(article)).append("条　规定").append(article).append("。\n\n");
        }
        text.append("第二编　物　　权\n\n第一分编　通　　则\n\n第一章　一般规定\n\n");
        for (; article <= 1000; article++) {
            text.append("第").append(ChineseNumerals.format(article)).append("条　规定").append(article).append("。\n\n");
        }
        text.append("第二章　物权的设立\n\n");
        for (; article <= 1258; article++) {
            text.append("第").append(ChineseNumerals.format(article)).append("条　规定").append(article).append("。\n\n");
        }
        text.append("附　　则\n\n第一千二百五十九条　民法所称的“以上”、“以下”……包括本数。\n\n");
        text.append("第一千二百六十条　本法自2021年1月1日起施行。下列法律同时废止：\n（一）婚姻法；\n（二）继承法。\n");

        Draft code = Regulations.parse(text.toString());

        assertThat(code.articleCount()).isEqualTo(1260);
        assertThat(code.title()).isEqualTo("中华人民共和国民法典");
        assertThat(code.history()).containsExactly("（2020年5月28日第十三届全国人民代表大会第三次会议通过）");
        assertThat(code.divisions(DivisionLevel.BOOK)).extracting(Division::heading).containsExactly("总则", "物权");
        assertThat(code.divisions(DivisionLevel.SUBBOOK)).extracting(Division::eId).containsExactly("book_2__subbook_1");
        assertThat(code.divisions(DivisionLevel.CHAPTER)).extracting(Division::eId)
                .containsExactly("book_1__chp_1", "book_2__subbook_1__chp_1", "book_2__subbook_1__chp_2");
        Article last = code.articles().getLast();
        assertThat(last.number().text()).isEqualTo("第一千二百六十条");
        assertThat(last.eId()).isEqualTo("closing__art_1260");
        assertThat(last.paragraphs().getFirst().items()).extracting(Item::eId)
                .containsExactly("closing__art_1260__para_1__list_1__point_1", "closing__art_1260__para_1__list_1__point_2");
        assertThat(Structure.of(Regulations.parse(DraftText.plain(code)))).isEqualTo(Structure.of(code));
    }

    @Test
    void articlesWithoutChaptersAPreambleInsertedArticlesSubItemsAndHeadings() {
        String text = """
                某某市城市治理条例

                序言

                为了规范城市治理，制定本条例。

                第一条 本条例适用于本市。

                第二条 下列事项由市人民政府决定：

                （一）规划；

                1. 总体规划；

                2. 专项规划；

                （二）建设：

                （1）道路；

                （2）管线。

                前款规定的事项，依照第一条执行。

                第二条之一【数据】 数据依法共享。

                第三条
                本条例自公布之日起施行。
                """;
        Draft draft = Regulations.parse(text);

        assertThat(draft.title()).isEqualTo("某某市城市治理条例");
        assertThat(draft.preamble()).containsExactly("为了规范城市治理，制定本条例。");
        assertThat(draft.body()).allMatch(n -> n instanceof Article);
        assertThat(draft.articles()).extracting(a -> a.number().text()).containsExactly("第一条", "第二条", "第二条之一", "第三条");
        Article second = draft.articles().get(1);
        assertThat(second.eId()).isEqualTo("art_2");
        assertThat(second.paragraphs()).hasSize(2);
        assertThat(second.paragraphs().get(1).lead()).isEqualTo("前款规定的事项，依照第一条执行。");
        Item first = second.paragraphs().getFirst().items().getFirst();
        assertThat(first.subItems()).extracting(SubItem::eId).containsExactly(
                "art_2__para_1__list_1__point_1__list_1__point_1", "art_2__para_1__list_1__point_1__list_1__point_2");
        assertThat(second.paragraphs().getFirst().items().get(1).subItems()).extracting(SubItem::style)
                .containsOnly(SubItem.Style.PAREN);
        Article inserted = draft.articles().get(2);
        assertThat(inserted.eId()).isEqualTo("art_2-1");
        assertThat(inserted.heading()).isEqualTo("数据");
        assertThat(draft.articles().get(3).text()).isEqualTo("本条例自公布之日起施行。");
        assertThat(Structure.of(Regulations.parse(DraftText.plain(draft)))).isEqualTo(Structure.of(draft));
        assertThat(Structure.of(Regulations.parse(DraftText.markdown(draft)))).isEqualTo(Structure.of(draft));
    }

    @Test
    void aReferenceAtTheStartOfALineIsTextButAnArticleWithoutASpaceIsAnArticle() {
        Draft draft = Regulations.parse("条例\n第一条 总则。\n第一条规定的事项除外。\n第二条为了施行，制定细则。\n");
        assertThat(draft.articleCount()).isEqualTo(2);
        assertThat(draft.articles().getFirst().paragraphs()).hasSize(2);
        assertThat(draft.articles().get(1).text()).isEqualTo("为了施行，制定细则。");
    }

    @Test
    void textThatIsNotARegulationIsRefused() {
        assertThat(problems("Dear colleagues,\nplease find the minutes attached.\n"))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(1);
                    assertThat(p.message()).contains("no article");
                });
        assertThat(problems("")).singleElement().extracting(ParseOutcome.Problem::message).asString().contains("no article");
    }

    @Test
    void brokenNumberingNamesTheLine() {
        assertThat(problems("条例\n第一条 甲。\n第三条 乙。\n")).containsExactly(
                new ParseOutcome.Problem(3, "第三条 follows 第一条; expected 第二条"));
        assertThat(problems("条例\n第二条 甲。\n")).containsExactly(
                new ParseOutcome.Problem(2, "第二条 is the first article; expected 第一条"));
        assertThat(problems("条例\n第一章 总则\n第一条 甲。\n第三章 附则\n第二条 乙。\n")).containsExactly(
                new ParseOutcome.Problem(4, "第三章 follows 第一章; expected 第二章"));
        assertThat(problems("条例\n第一节 总则\n第一条 甲。\n")).containsExactly(
                new ParseOutcome.Problem(2, "第一节 stands outside a chapter (第X章)"));
        assertThat(problems("条例\n第一条 下列：\n（一）甲；\n（三）乙。\n")).containsExactly(
                new ParseOutcome.Problem(4, "item （三） follows （一）; expected （二）"));
        assertThat(problems("条例\n第一章 总则\n第二章 分则\n第一条 甲。\n")).containsExactly(
                new ParseOutcome.Problem(2, "第一章 总则 holds no article"));
        assertThat(problems("条例\n第一一条 甲。\n").getFirst().message()).contains("not a well-formed article number");
    }

    @Test
    void duplicateArticleNumbersNameBothLines() {
        assertThat(problems("条例\n第一条 甲。\n第二条 乙。\n\n第二条 丙。\n")).containsExactly(
                new ParseOutcome.Problem(5, "duplicate article number 第二条 (already at line 3)"));
    }

    @Test
    void controlCharactersAndHugeLinesAreRefused() {
        assertThat(problems("条例\n第一条 甲\u0007。\n")).containsExactly(
                new ParseOutcome.Problem(2, "character U+0007 (column 6) is not allowed in a legal text"));
        assertThat(problems("条例\n第一条 " + "甲".repeat(DraftParser.MAX_LINE) + "\n").getFirst().line()).isEqualTo(2);
        assertThat(problems("条例\n第一条 甲\uD800。\n").getFirst().message()).contains("U+D800");
    }

    @Test
    void textThatLooksLikeNumberingOrAHeadingIsWrittenBackSoItReadsTheSame() {
        // found by DraftParserProperties: a sub-item whose text begins with a digit, and a first
        // paragraph that begins with 【 (which on the number's line would be the article's heading)
        String text = "条例\n第一条\n【说明】本条适用于：\n（一）甲：\n1. 2024年起施行；\n2. 1.5倍罚款；\n第二条 乙。\n";
        Draft draft = Regulations.parse(text);
        for (String written : List.of(DraftText.markdown(draft), DraftText.plain(draft))) {
            assertThat(Structure.of(Regulations.parse(written))).as(written).isEqualTo(Structure.of(draft));
        }
    }

    @Test
    void aHeadingWhoseTextIsAnotherHeadingOrACommentIsRefusedWithItsLine() {
        assertThat(problems("# 条例\n2024年1月1日通过\n## <!-- INFO END -->\n第一条 甲。\n"))
                .extracting(ParseOutcome.Problem::line).containsExactly(3);
        assertThat(problems("# 条例\n<!-- INFO END -->\n## ## 第一章 总则\n第一条 甲。\n"))
                .extracting(ParseOutcome.Problem::line).containsExactly(3);
    }

    private static List<ParseOutcome.Problem> problems(String text) {
        return switch (DraftParser.parse(text)) {
            case ParseOutcome.Parsed parsed -> throw new AssertionError("accepted: " + Structure.of(parsed.draft()));
            case ParseOutcome.Rejected rejected -> rejected.problems();
        };
    }
}

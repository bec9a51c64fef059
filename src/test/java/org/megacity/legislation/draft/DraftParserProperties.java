package org.megacity.legislation.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the parser: a random well-formed document reads to the structure it was made
 * with and round-trips through text; hostile text never throws, only gets a rejection naming a
 * line of the text.
 */
class DraftParserProperties {

    private static final String WORDS = "城市管线规划建设维护管理部门应当依法履行职责公民组织单位个人数据安全保护条例本市人民政府";
    private static final String[] HOSTILE_PIECES = {"第", "一", "十", "百", "千", "万", "零", "条", "章", "节", "编", "分编",
            "之", "（", "）", "(", ")", "一）", "1.", "（1）", "#", "## ", "<!--", "-->", "<!-- INFO END -->", "\n", "\r\n",
            "\r", " ", "\u3000", "\t", "附则", "目录", "序言", "【", "】", "甲", "A", "\u0000", "\uFEFF", "\uD800", "\uDC00",
            "9", "．", "、", "2024年1月1日", "第一条 ", "第一章 ", "第一节 ", "（一）", "&", "<", "]]>"};

    @Test
    void randomWellFormedDocumentsReadAsMadeAndRoundTrip() {
        qt().withExamples(400).forAll(longs().all()).check(seed -> {
            Random random = new Random(seed);
            Generated generated = generate(random);
            Draft draft = Regulations.parse(generated.text);
            assertThat(draft.articleCount()).isEqualTo(generated.articles);
            assertThat(draft.divisions(DivisionLevel.CHAPTER)).hasSize(generated.chapters);
            assertThat(draft.divisions(DivisionLevel.SECTION)).hasSize(generated.sections);
            assertThat(Structure.of(Regulations.parse(DraftText.plain(draft)))).isEqualTo(Structure.of(draft));
            assertThat(Structure.of(Regulations.parse(DraftText.markdown(draft)))).isEqualTo(Structure.of(draft));
            return true;
        });
    }

    @Test
    void hostileTextNeverThrowsAndEveryRejectionNamesALineOfTheText() {
        qt().withExamples(3000).forAll(longs().all()).check(seed -> {
            Random random = new Random(seed);
            String text = random.nextInt(3) == 0 ? mutate(generate(random).text, random) : noise(random);
            ParseOutcome outcome = DraftParser.parse(text);
            if (outcome instanceof ParseOutcome.Rejected rejected) {
                int lines = text.split("\r\n|\r|\n", -1).length;
                assertThat(rejected.problems()).allSatisfy(p -> {
                    assertThat(p.line()).isBetween(1, lines);
                    assertThat(p.message()).isNotBlank();
                });
            } else {
                Draft draft = ((ParseOutcome.Parsed) outcome).draft();
                assertThat(draft.articleCount()).isPositive();
                String markdown = DraftText.markdown(draft);
                assertThat(DraftParser.parse(markdown)).as("%s%n-- written back as --%n%s", text, markdown)
                        .isInstanceOf(ParseOutcome.Parsed.class);
                assertThat(Structure.of(Regulations.parse(markdown))).as(text).isEqualTo(Structure.of(draft));
            }
            return true;
        });
    }

    private static String noise(Random random) {
        StringBuilder out = new StringBuilder();
        int pieces = random.nextInt(200);
        for (int i = 0; i < pieces; i++) {
            out.append(HOSTILE_PIECES[random.nextInt(HOSTILE_PIECES.length)]);
        }
        return out.toString();
    }

    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(5);
        for (int i = 0; i < edits && !out.isEmpty(); i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, HOSTILE_PIECES[random.nextInt(HOSTILE_PIECES.length)]);
                default -> out.setCharAt(at, (char) random.nextInt(0x10000));
            }
        }
        return out.toString();
    }

    record Generated(String text, int articles, int chapters, int sections) {
    }

    /** A well-formed text: maybe chapters, maybe sections in them, articles with paragraphs, items and sub-items. */
    static Generated generate(Random random) {
        boolean markdown = random.nextBoolean();
        StringBuilder out = new StringBuilder();
        out.append(markdown ? "# " : "").append("测试条例").append(random.nextInt(1000)).append("\n\n");
        out.append("2024年").append(1 + random.nextInt(12)).append("月1日 某某会议通过\n\n");
        if (markdown) {
            out.append("<!-- INFO END -->\n\n");
        }
        int[] article = {0};
        int chapters = random.nextInt(4);
        int sections = 0;
        if (chapters == 0) {
            articles(out, random, article, 1 + random.nextInt(6));
        }
        for (int c = 1; c <= chapters; c++) {
            out.append(markdown ? "## " : "").append("第").append(ChineseNumerals.format(c)).append("章 ")
                    .append(words(random, 2, 6)).append("\n\n");
            int chapterSections = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
            if (chapterSections == 0) {
                articles(out, random, article, 1 + random.nextInt(5));
            }
            for (int s = 1; s <= chapterSections; s++) {
                out.append(markdown ? "### " : "").append("第").append(ChineseNumerals.format(s)).append("节 ")
                        .append(words(random, 2, 6)).append("\n\n");
                articles(out, random, article, 1 + random.nextInt(4));
                sections++;
            }
        }
        return new Generated(out.toString(), article[0], chapters, sections);
    }

    private static void articles(StringBuilder out, Random random, int[] article, int count) {
        for (int i = 0; i < count; i++) {
            article[0]++;
            out.append("第").append(ChineseNumerals.format(article[0])).append("条")
                    .append(List.of(" ", "\u3000", "  ").get(random.nextInt(3))).append(words(random, 5, 40)).append("。\n\n");
            int paragraphs = random.nextInt(3);
            for (int p = 0; p <= paragraphs; p++) {
                if (p > 0) {
                    out.append(words(random, 5, 40)).append("：\n\n");
                }
                int items = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : 0;
                for (int it = 1; it <= items; it++) {
                    out.append("（").append(ChineseNumerals.format(it)).append("）").append(words(random, 3, 20)).append("；\n");
                    int subs = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
                    boolean dot = random.nextBoolean();
                    for (int s = 1; s <= subs; s++) {
                        out.append(dot ? s + ". " : "（" + s + "）").append(words(random, 3, 15)).append("；\n");
                    }
                }
                out.append('\n');
            }
        }
    }

    private static String words(Random random, int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(WORDS.charAt(random.nextInt(WORDS.length())));
        }
        return out.toString();
    }
}

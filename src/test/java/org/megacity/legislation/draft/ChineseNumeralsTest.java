package org.megacity.legislation.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class ChineseNumeralsTest {

    @Test
    void writesTheNumbersOfLegalTexts() {
        assertThat(ChineseNumerals.format(1)).isEqualTo("一");
        assertThat(ChineseNumerals.format(10)).isEqualTo("十");
        assertThat(ChineseNumerals.format(12)).isEqualTo("十二");
        assertThat(ChineseNumerals.format(20)).isEqualTo("二十");
        assertThat(ChineseNumerals.format(105)).isEqualTo("一百零五");
        assertThat(ChineseNumerals.format(110)).isEqualTo("一百一十");
        assertThat(ChineseNumerals.format(120)).isEqualTo("一百二十");
        assertThat(ChineseNumerals.format(1001)).isEqualTo("一千零一");
        assertThat(ChineseNumerals.format(1010)).isEqualTo("一千零一十");
        assertThat(ChineseNumerals.format(1260)).isEqualTo("一千二百六十");
        assertThat(ChineseNumerals.format(10_010)).isEqualTo("一万零一十");
        assertThat(ChineseNumerals.format(100_000)).isEqualTo("十万");
    }

    @Test
    void readsThemAndTheirVariantsButNothingMalformed() {
        assertThat(ChineseNumerals.parse("一千二百六十")).hasValue(1260);
        assertThat(ChineseNumerals.parse("一百零五")).hasValue(105);
        assertThat(ChineseNumerals.parse("一十二")).hasValue(12);
        assertThat(ChineseNumerals.parse("一〇〇")).isEmpty();
        assertThat(ChineseNumerals.parse("二千〇五")).hasValue(2005);
        assertThat(ChineseNumerals.parse("两百")).hasValue(200);
        for (String bad : new String[] {"", "零", "十十", "一二", "百", "一百五", "一百零十", "五零", "千千", "万", "一万万",
                "十零", "abc", "一百零", "九千九百九十九万九千九百九十九九"}) {
            assertThat(ChineseNumerals.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void everyNumberRoundTrips() {
        qt().forAll(integers().between(1, ChineseNumerals.MAX))
                .check(n -> ChineseNumerals.parse(ChineseNumerals.format(n)).orElse(-1) == n);
        for (int n = 1; n <= 20_000; n++) {
            assertThat(ChineseNumerals.parse(ChineseNumerals.format(n))).hasValue(n);
        }
    }
}

package org.megacity.opinionanalysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The normal form: its fast path agrees with NFKC, and the CJK test with Unicode's scripts. */
class TextNormalizerProperties {

    /** Characters of the fast path's ranges and their neighbours. */
    static final Gen<Integer> CHARS = integers().between(0, 9).zip(integers().between(0, 0xFFFF), (range, any) -> switch (range) {
        case 0 -> 0x20 + any % 0x60;
        case 1 -> 0x4E00 + any % 0x5200;
        case 2 -> 0x3000 + any % 0x40;
        case 3 -> 0x2010 + any % 0x18;
        case 4 -> 0xFF00 + any % 0xF0;
        case 5 -> 0x00A0 + any % 0x60;
        default -> any >= 0xD800 && any <= 0xDFFF ? 'x' : any;
    });

    @Test
    void theFastPathGivesWhatNfkcGives() {
        qt().withExamples(5000).forAll(lists().of(CHARS).ofSizeBetween(0, 40)).checkAssert(chars -> {
            StringBuilder b = new StringBuilder();
            chars.forEach(c -> b.append((char) (int) c));
            String text = b.toString();
            assertThat(TextNormalizer.codePoints(text)).isEqualTo(TextNormalizer.slowPath(text));
        });
        assertThat(TextNormalizer.normalize("Ｉ　ｓｔｒｏｎｇｌｙ，反对！ Draft-2")).isEqualTo("istrongly反对draft2");
    }

    @Test
    void theCjkTestAgreesWithUnicodeScripts() {
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            boolean expected = cp >= 0x2E80 && (s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                    || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL);
            if (TextNormalizer.isCjk(cp) != expected) {
                throw new AssertionError("isCjk(U+" + Integer.toHexString(cp) + ")");
            }
        }
    }

    @Test
    void anyStringNormalisesWithoutFailing() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 80)).checkAssert(s -> {
            assertThat(TextNormalizer.codePoints(s)).isEqualTo(TextNormalizer.slowPath(s.isEmpty() ? "" : s));
            Shingles.of(TextNormalizer.codePoints(s), 2);
        });
    }
}

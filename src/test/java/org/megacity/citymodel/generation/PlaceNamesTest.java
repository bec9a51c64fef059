package org.megacity.citymodel.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlaceNamesTest {

    @Test
    void joinsSyllablesWithAnApostropheBeforeAOE() {
        assertThat(PlaceNames.pinyin("long", "xi")).isEqualTo("Longxi");
        assertThat(PlaceNames.pinyin("xin", "an")).isEqualTo("Xin'an");
        assertThat(PlaceNames.pinyin("jiang", "e")).isEqualTo("Jiang'e");
        assertThat(PlaceNames.pinyin("an", "ping")).isEqualTo("Anping");
    }

    @Test
    void neverGivesTwoSiblingsTheSamePinyin() {
        Set<String> taken = new HashSet<>();
        Set<String> pinyin = new HashSet<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 2_000; i++) {
            assertThat(pinyin.add(PlaceNames.draw(random, taken).pinyin())).isTrue();
        }
    }

    @Test
    void drawsNamesNotYetTaken() {
        Set<String> taken = new HashSet<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            PlaceNames.Name name = PlaceNames.draw(random, taken);
            assertThat(name.zh()).hasSize(2);
            assertThat(name.zh().charAt(0)).isNotEqualTo(name.zh().charAt(1));
            assertThat(name.pinyin()).matches("[A-Z][a-z]+'?[a-z]+");
        }
        assertThat(taken).hasSize(1_000); // characters and pinyin of each
    }
}

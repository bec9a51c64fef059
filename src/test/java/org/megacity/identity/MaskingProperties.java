package org.megacity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Masking of personal data: examples from practice, and properties for arbitrary input. */
class MaskingProperties {

    @Test
    void masksTheUsualFormsAsPracticeExpects() {
        assertThat(PersonalDataKind.PHONE.mask("13812341234")).isEqualTo("138****1234");
        assertThat(PersonalDataKind.PHONE.mask("023-6388123")).isEqualTo("023****8123");
        assertThat(PersonalDataKind.ID_NUMBER.mask("110101199003071234")).isEqualTo("110***********1234");
        assertThat(PersonalDataKind.ID_NUMBER.mask("11010119900307123X")).isEqualTo("110***********123X");
        assertThat(PersonalDataKind.NAME.mask("张三")).isEqualTo("张*");
        assertThat(PersonalDataKind.NAME.mask("张小三")).isEqualTo("张*三");
        assertThat(PersonalDataKind.NAME.mask("欧阳小明")).isEqualTo("欧**明");
        assertThat(PersonalDataKind.NAME.mask("王")).isEqualTo("*");
        assertThat(PersonalDataKind.EMAIL.mask("zhangsan@example.com")).isEqualTo("z*******@example.com");
        assertThat(PersonalDataKind.PHONE.mask(null)).isNull();
    }

    @Test
    void maskingKeepsTheLengthOnlyHidesCharactersAndHidesAtLeastAThird() {
        for (PersonalDataKind kind : PersonalDataKind.values()) {
            qt().withExamples(3000).forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(value -> {
                int[] original = value.codePoints().toArray();
                int[] masked = kind.mask(value).codePoints().toArray();
                assertThat(masked).as(kind + " of " + value).hasSameSizeAs(original);
                int hidden = 0;
                for (int i = 0; i < original.length; i++) {
                    if (masked[i] != original[i]) {
                        assertThat(masked[i]).isEqualTo('*');
                        hidden++;
                    } else if (original[i] == '*') {
                        hidden++;
                    }
                }
                if (kind != PersonalDataKind.EMAIL) {
                    assertThat(hidden).as(kind + " of " + value).isGreaterThanOrEqualTo((original.length + 2) / 3);
                }
            });
        }
    }

    @Test
    void anEmailKeepsItsDomainAndTheFirstCharacterOfItsLocalPart() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(1, 20),
                strings().basicLatinAlphabet().ofLengthBetween(0, 20)).checkAssert((local, domain) -> {
                    if (local.contains("@") || domain.contains("@")) {
                        return;
                    }
                    String masked = PersonalDataKind.EMAIL.mask(local + "@" + domain);
                    assertThat(masked).endsWith("@" + domain);
                    assertThat(masked.codePointAt(0)).isEqualTo(local.codePointAt(0));
                    assertThat(masked.substring(Character.charCount(local.codePointAt(0)), masked.lastIndexOf('@')))
                            .matches("\\**");
                });
    }

    @Test
    void onlyRolesThatNeedThemSeeValuesInClear() {
        Actor operator = new Actor("1", "op", Set.of(Role.HOTLINE_OPERATOR), Jurisdiction.CITYWIDE);
        Actor admin = new Actor("2", "sysadmin", Set.of(Role.SYSTEM_ADMIN), Jurisdiction.CITYWIDE);
        Actor inspector = new Actor("3", "insp", Set.of(Role.INSPECTOR), Jurisdiction.NONE);
        assertThat(PersonalDataAccess.present(operator, PersonalDataKind.PHONE, "13812341234")).isEqualTo("13812341234");
        assertThat(PersonalDataAccess.present(operator, PersonalDataKind.ID_NUMBER, "110101199003071234"))
                .isEqualTo("110***********1234");
        assertThat(PersonalDataAccess.present(admin, PersonalDataKind.PHONE, "13812341234")).isEqualTo("138****1234");
        assertThat(PersonalDataAccess.present(inspector, PersonalDataKind.NAME, "张小三")).isEqualTo("张*三");
        assertThat(PersonalDataAccess.present(Actor.SYSTEM, PersonalDataKind.NAME, "张小三")).isEqualTo("张*三");
        for (PersonalDataKind kind : PersonalDataKind.values()) {
            for (Role role : Role.values()) {
                if (role.administrator()) {
                    assertThat(PersonalDataAccess.seesClear(new Actor("x", "x", Set.of(role), Jurisdiction.CITYWIDE),
                            kind)).isFalse();
                }
            }
        }
    }
}

package org.megacity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsTwelveCharactersOfThreeClassesUnrelatedToTheName() {
        assertThat(PasswordPolicy.violations("Harbour-Lights7", "zhang.san", "Old-Password-1")).isEmpty();
        assertThat(PasswordPolicy.violations("harbour lights 7", "zhang.san", null)).isEmpty();
    }

    @Test
    void refusesFewerThanTwelveCharacters() {
        assertThat(PasswordPolicy.violations("Abc-1234567", "zhang.san", null)).containsExactly(PasswordRule.MIN_LENGTH);
        assertThat(PasswordPolicy.violations("Abc-12345678", "zhang.san", null)).isEmpty();
    }

    @Test
    void countsCharactersNotBytesForTheMinimumAndBytesForTheBcryptMaximum() {
        assertThat(PasswordPolicy.violations("城市治理平台密码安全ab1!", "zhang.san", null)).isEmpty();
        String tooLong = "Aa1-" + "长".repeat(23); // 4 + 69 bytes
        assertThat(PasswordPolicy.violations(tooLong, "zhang.san", null)).containsExactly(PasswordRule.MAX_LENGTH);
    }

    @Test
    void needsThreeOfTheFourCharacterClasses() {
        assertThat(PasswordPolicy.violations("onlylowercaseletters", "zhang.san", null))
                .containsExactly(PasswordRule.CHARACTER_CLASSES);
        assertThat(PasswordPolicy.violations("lowercase1234567", "zhang.san", null))
                .containsExactly(PasswordRule.CHARACTER_CLASSES);
        assertThat(PasswordPolicy.violations("lowercase-1234567", "zhang.san", null)).isEmpty();
        assertThat(PasswordPolicy.characterClasses("aB3#")).isEqualTo(4);
    }

    @Test
    void refusesTheAccountNameInAnyCase() {
        assertThat(PasswordPolicy.violations("Zhang.San-2025", "zhang.san", null))
                .containsExactly(PasswordRule.CONTAINS_USERNAME);
        assertThat(PasswordPolicy.violations("SYSADMIN-sysadmin-1", "sysadmin", null))
                .containsExactly(PasswordRule.CONTAINS_USERNAME);
    }

    @Test
    void refusesTheCurrentPasswordAndNamesEveryBrokenRule() {
        assertThat(PasswordPolicy.violations("Harbour-Lights7", "zhang.san", "Harbour-Lights7"))
                .containsExactly(PasswordRule.SAME_AS_OLD);
        assertThat(PasswordPolicy.violations("sysadmin", "sysadmin", "sysadmin"))
                .containsExactly(PasswordRule.MIN_LENGTH, PasswordRule.CHARACTER_CLASSES,
                        PasswordRule.CONTAINS_USERNAME, PasswordRule.SAME_AS_OLD);
        assertThat(PasswordRule.MIN_LENGTH.message()).startsWith("[min-length] ");
    }

    @Test
    void generatedOneTimePasswordsFollowThePolicy() {
        for (int i = 0; i < 2000; i++) {
            String generated = OneTimePasswords.generate();
            assertThat(generated).hasSize(OneTimePasswords.LENGTH);
            assertThat(PasswordPolicy.violations(generated, "", null)).as(generated).isEmpty();
            assertThat(PasswordPolicy.characterClasses(generated)).isEqualTo(4);
        }
    }
}

package org.megacity.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The password policy of MLPS 2.0 level 3 (GB/T 22239-2019 8.1.4.1 a, "口令具有复杂度要求"):
 * at least 12 characters, at least three of four character classes (upper-case letters,
 * lower-case letters, digits, anything else counts as a symbol), not the account name nor
 * containing it (ignoring case), and not the current password. The upper bound of 72 UTF-8 bytes
 * is bcrypt's: longer input would be silently truncated.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /**
     * The rules {@code candidate} breaks, in the order of {@link PasswordRule}; empty when it may be used.
     *
     * @param username the account's name
     * @param current  the current password when known (a change), else {@code null} (a reset)
     */
    static List<PasswordRule> violations(String candidate, String username, String current) {
        List<PasswordRule> broken = new ArrayList<>();
        if (candidate.codePointCount(0, candidate.length()) < MIN_LENGTH) {
            broken.add(PasswordRule.MIN_LENGTH);
        }
        if (candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            broken.add(PasswordRule.MAX_LENGTH);
        }
        if (characterClasses(candidate) < 3) {
            broken.add(PasswordRule.CHARACTER_CLASSES);
        }
        if (username != null && !username.isEmpty()
                && candidate.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            broken.add(PasswordRule.CONTAINS_USERNAME);
        }
        if (current != null && current.equals(candidate)) {
            broken.add(PasswordRule.SAME_AS_OLD);
        }
        return broken;
    }

    static int characterClasses(String candidate) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < candidate.length(); ) {
            int cp = candidate.codePointAt(i);
            if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isLowerCase(cp)) {
                lower = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else {
                symbol = true;
            }
            i += Character.charCount(cp);
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}

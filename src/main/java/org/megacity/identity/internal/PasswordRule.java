package org.megacity.identity.internal;

/** The rules a new password must follow; each has a stable code that error messages name (public for the page templates). */
public enum PasswordRule {
    MIN_LENGTH("min-length", "must be at least 12 characters long"),
    MAX_LENGTH("max-length", "must be at most 72 bytes in UTF-8 (64 characters are always fine)"),
    CHARACTER_CLASSES("character-classes",
            "must contain at least three of: upper-case letters, lower-case letters, digits, symbols"),
    CONTAINS_USERNAME("contains-username", "must not be or contain the account name"),
    SAME_AS_OLD("same-as-old", "must differ from the current password");

    private final String code;
    private final String description;

    PasswordRule(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    /** English text naming the rule, as API errors give it: {@code "[min-length] must be ..."}. */
    public String message() {
        return "[" + code + "] " + description;
    }

    /** The key of the page text in {@code messages/identity*.properties}. */
    public String messageKey() {
        return "identity.password.rule." + code;
    }
}

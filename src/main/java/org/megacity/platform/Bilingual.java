package org.megacity.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A fixed value (a stage, a channel, a role, …) that the platform names by a stable id in the API
 * and the database and shows to people in Chinese or English. Enums implement it; {@link #find} and
 * {@link #parse} are the one way to read an id back.
 */
public interface Bilingual {

    /**
     * The names of a value.
     *
     * @param id the id, or null for the constant's name in lower case with hyphens
     * @param zh the Chinese name
     * @param en the English name (may be null where the implementation derives it)
     */
    record Names(String id, String zh, String en) {
    }

    Names names();

    /**
     * The id used in the API and the database, e.g. {@code in-progress}: the one in {@link #names()},
     * or else the constant's name in lower case with hyphens.
     */
    default String id() {
        if (names().id() != null) {
            return names().id();
        }
        if (this instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        throw new IllegalStateException(getClass().getName() + " has no id");
    }

    default String nameZh() {
        return names().zh();
    }

    default String nameEn() {
        return names().en();
    }

    /** The name in the language of {@code locale}: Chinese for {@code zh}, English otherwise. */
    default String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh() : nameEn();
    }

    /**
     * The constant with this id, read leniently: surrounding spaces, letter case and the Java name
     * ({@code IN_PROGRESS} for {@code in-progress}) are accepted.
     */
    static <E extends Enum<E> & Bilingual> Optional<E> find(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (constant.id().equals(wanted)) {
                return Optional.of(constant);
            }
        }
        for (E constant : constants) {
            if (constant.id().equalsIgnoreCase(wanted) || constant.name().equalsIgnoreCase(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /**
     * The constant with this id.
     *
     * @param what what the value is, for the message ({@code "status"})
     * @throws IllegalArgumentException naming the value and the accepted ids
     */
    static <E extends Enum<E> & Bilingual> E parse(Class<E> type, String text, String what) {
        return find(type, text).orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + text
                + "'; one of " + Arrays.stream(type.getEnumConstants()).map(Bilingual::id)
                        .collect(Collectors.joining(", "))));
    }
}

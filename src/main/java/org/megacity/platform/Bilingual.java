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
     * The id used in the API and the database, e.g. {@code in-progress}. By default the constant's
     * name in lower case with hyphens; an enum whose ids differ from its names overrides this.
     */
    default String id() {
        if (this instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        throw new UnsupportedOperationException(getClass().getName() + " must define id()");
    }

    String nameZh();

    String nameEn();

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

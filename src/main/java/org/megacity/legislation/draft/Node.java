package org.megacity.legislation.draft;

/** What a body or a division holds: divisions and articles, in order. */
public sealed interface Node permits Division, Article {

    /** The element's Akoma Ntoso {@code eId}, e.g. {@code chp_2__art_12}. */
    String eId();

    /** The 1-based source line it started on (0 when built in code). */
    int line();

    /** Whether this is a division (for templates, which cannot test types). */
    default boolean isDivision() {
        return this instanceof Division;
    }
}

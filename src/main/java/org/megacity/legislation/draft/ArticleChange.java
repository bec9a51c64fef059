package org.megacity.legislation.draft;

import java.util.List;

/**
 * What happened to one article between two versions.
 *
 * @param from       the article in the earlier version (null when added)
 * @param to         the article in the later version (null when removed)
 * @param renumbered whether its number changed
 * @param moved      whether it changed place relative to the articles kept in both versions
 * @param similarity of the two texts, 0..1 (1 when unchanged)
 * @param edits      the character-level differences of a changed article's text, else empty
 */
public record ArticleChange(Kind kind, Article from, Article to, boolean renumbered, boolean moved, double similarity,
        List<TextEdit> edits) {

    /** The kinds of change; a changed article may also have been renumbered or moved (see the flags). */
    public enum Kind {
        UNCHANGED, RENUMBERED, MOVED, CHANGED, ADDED, REMOVED;

        /** Whether this kind is a change to the law's content or order (not a mere renumbering). */
        public boolean substantive() {
            return this == MOVED || this == CHANGED || this == ADDED || this == REMOVED;
        }
    }

    public ArticleChange {
        edits = List.copyOf(edits);
    }

    /** One run of the text diff: kept, inserted or deleted characters. */
    public record TextEdit(Op op, String text) {
        public enum Op {
            EQUAL, INSERT, DELETE
        }
    }
}

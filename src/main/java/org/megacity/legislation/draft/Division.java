package org.megacity.legislation.draft;

import java.util.List;

/**
 * A book, sub-book, chapter or section (or an unnumbered closing part) and what it holds.
 *
 * @param number  1, 2, … within its parent; 0 for the unnumbered closing part
 * @param heading the heading after the number (总则), whitespace between Chinese characters removed
 */
public record Division(DivisionLevel level, int number, String heading, String eId, List<Node> children, int line)
        implements Node {

    public Division {
        children = List.copyOf(children);
    }

    /** The number as written: 第二章. */
    public String num() {
        return level.numbered(number);
    }
}

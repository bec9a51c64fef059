package org.megacity.legislation.draft;

/** A sub-item (目), numbered 1. 2. … or (1) (2) …. */
public record SubItem(int number, Style style, String text, String eId, int line) {

    /** How sub-items are numbered in the text. */
    public enum Style {
        DOT, PAREN
    }

    /** As written: {@code 1.} or {@code （1）}. */
    public String num() {
        return style == Style.DOT ? number + "." : "（" + number + "）";
    }
}

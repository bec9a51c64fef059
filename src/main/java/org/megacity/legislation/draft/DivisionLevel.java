package org.megacity.legislation.draft;

/**
 * The levels above the article (Legislation Law Art. 65: 编, 章, 节; the Civil Code adds 分编), with
 * the Akoma Ntoso element each becomes and its {@code eId} reference. An unnumbered 附则 (closing
 * provisions, as in the Criminal Law) is a division of its own.
 */
public enum DivisionLevel {
    BOOK('编', "book", "book", 1),
    SUBBOOK('编', "hcontainer", "subbook", 2),
    CHAPTER('章', "chapter", "chp", 3),
    SECTION('节', "section", "sec", 4),
    CLOSING('则', "hcontainer", "closing", 1);

    private final char marker;
    private final String element;
    private final String ref;
    private final int rank;

    DivisionLevel(char marker, String element, String ref, int rank) {
        this.marker = marker;
        this.element = element;
        this.ref = ref;
        this.rank = rank;
    }

    /** The Akoma Ntoso element: {@code book}, {@code chapter}, {@code section}, or {@code hcontainer}. */
    public String element() {
        return element;
    }

    /** The {@code eId} reference (Akoma Ntoso naming convention §5.4.2): {@code book}, {@code chp}, {@code sec}, … */
    public String ref() {
        return ref;
    }

    /** Depth: books 1, sub-books 2, chapters 3, sections 4; a closing part stands at the top. */
    public int rank() {
        return rank;
    }

    /** How the number is written: 第一编, 第一分编, 第一章, 第一节; 附则 has none. */
    public String numbered(int number) {
        return switch (this) {
            case SUBBOOK -> "第" + ChineseNumerals.format(number) + "分编";
            case CLOSING -> "";
            default -> "第" + ChineseNumerals.format(number) + marker;
        };
    }
}

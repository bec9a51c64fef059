package org.megacity.legislation.draft;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An article (条) and its paragraphs (款).
 *
 * @param heading an article heading in 【】 where the text has one (most Chinese laws have none), else null
 */
public record Article(ArticleNumber number, String heading, String eId, List<Paragraph> paragraphs, int line)
        implements Node {

    public Article {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The article's words, paragraphs and items on lines of their own, without its number. */
    public String text() {
        return paragraphs.stream().map(Paragraph::text).collect(Collectors.joining("\n"));
    }
}

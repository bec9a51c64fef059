package org.megacity.legislation.draft;

import java.util.List;

/**
 * Writes a {@link Draft} back as text that {@link DraftParser} reads to the same structure: plain
 * text as laws are published (one element a line, a blank line between), or the Markdown of the
 * law collections ({@code #} title, {@code <!-- INFO END -->}, {@code ##} headings).
 */
public final class DraftText {

    private DraftText() {
    }

    public static String plain(Draft draft) {
        return write(draft, false);
    }

    public static String markdown(Draft draft) {
        return write(draft, true);
    }

    private static String write(Draft draft, boolean markdown) {
        StringBuilder out = new StringBuilder(8192);
        if (draft.title() != null) {
            line(out, (markdown ? "# " : "") + draft.title());
        }
        if (markdown) {
            draft.history().forEach(h -> line(out, h));
            line(out, "<!-- INFO END -->");
        } else {
            // plain text tells adoption lines by their date, or by the brackets official texts put around them
            draft.history().forEach(h -> line(out, DraftParser.DATE_LINE.matcher(h).matches() ? h : "（" + h + "）"));
            if (!draft.preamble().isEmpty()) {
                line(out, "序言");
            }
        }
        draft.preamble().forEach(p -> line(out, p));
        body(out, draft.body(), markdown, 2);
        return out.toString();
    }

    private static void body(StringBuilder out, List<Node> nodes, boolean markdown, int depth) {
        for (Node node : nodes) {
            switch (node) {
                case Division d -> {
                    String heading = d.level() == DivisionLevel.CLOSING ? d.heading()
                            : d.heading().isEmpty() ? d.num() : d.num() + " " + d.heading();
                    line(out, (markdown ? "#".repeat(Math.min(depth, 6)) + " " : "") + heading);
                    body(out, d.children(), markdown, depth + 1);
                }
                case Article a -> article(out, a);
            }
        }
    }

    private static void article(StringBuilder out, Article article) {
        String number = article.number().text() + (article.heading() == null ? "" : "【" + article.heading() + "】");
        boolean first = true;
        for (Paragraph paragraph : article.paragraphs()) {
            if (!paragraph.lead().isEmpty() || !first) {
                if (first && article.heading() == null && paragraph.lead().startsWith("【")) {
                    // on the number's line, 【…】 would read as the article's heading
                    line(out, number);
                    line(out, paragraph.lead());
                } else if (first) {
                    line(out, number + " " + paragraph.lead());
                } else if (!paragraph.lead().isEmpty()) {
                    line(out, paragraph.lead());
                }
            } else {
                line(out, number);
            }
            first = false;
            for (Item item : paragraph.items()) {
                line(out, item.num() + item.text());
                for (SubItem sub : item.subItems()) {
                    // "1." before a text that itself begins with a digit would read as a number such as 1.2024
                    boolean digitFollows = !sub.text().isEmpty() && Character.isDigit(sub.text().charAt(0));
                    line(out, sub.num() + (digitFollows ? " " : "") + sub.text());
                }
            }
        }
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append("\n\n");
    }
}

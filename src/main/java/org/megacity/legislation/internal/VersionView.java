package org.megacity.legislation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.megacity.legislation.draft.Article;
import org.megacity.legislation.draft.Division;
import org.megacity.legislation.draft.DivisionLevel;
import org.megacity.legislation.draft.Draft;
import org.megacity.legislation.draft.Item;
import org.megacity.legislation.draft.Node;
import org.megacity.legislation.draft.Paragraph;
import org.megacity.legislation.draft.SubItem;

/**
 * A version of a draft as JSON: its articles with their element ids ({@code eId}, and the
 * {@code wId} that stays across versions), and its books, chapters and sections with the articles
 * each holds.
 */
record VersionView(String billId, int version, String stage, String label, String title, int articleCount,
        boolean published, Instant publishedAt, Instant createdAt, List<String> history, List<String> preamble,
        List<DivisionView> books, List<DivisionView> chapters, List<DivisionView> sections, List<ArticleView> articles) {

    record DivisionView(String eId, String wId, String level, String num, String heading, String parent,
            List<String> articles) {
    }

    record ArticleView(String eId, String wId, String num, int number, int subNumber, String heading, String chapter,
            String section, String text, List<ParagraphView> paragraphs) {
    }

    record ParagraphView(String eId, String wId, String lead, String text, List<ItemView> items) {
    }

    record ItemView(String eId, String wId, String num, String text, List<ItemView> subItems) {
    }

    static VersionView of(String billId, int version, String stage, String label, Instant publishedAt, Instant createdAt,
            Draft draft, Map<String, String> workIds) {
        List<DivisionView> books = new ArrayList<>();
        List<DivisionView> chapters = new ArrayList<>();
        List<DivisionView> sections = new ArrayList<>();
        List<ArticleView> articles = new ArrayList<>();
        walk(draft.body(), null, null, null, workIds, books, chapters, sections, articles);
        return new VersionView(billId, version, stage, label, draft.title(), articles.size(), publishedAt != null,
                publishedAt, createdAt, draft.history(), draft.preamble(), books, chapters, sections, articles);
    }

    private static void walk(List<Node> nodes, String parent, String chapter, String section, Map<String, String> ids,
            List<DivisionView> books, List<DivisionView> chapters, List<DivisionView> sections, List<ArticleView> articles) {
        for (Node node : nodes) {
            switch (node) {
                case Division d -> {
                    DivisionView view = new DivisionView(d.eId(), ids.getOrDefault(d.eId(), d.eId()),
                            d.level().name().toLowerCase(), d.num(), d.heading(), parent, articleIds(d));
                    switch (d.level()) {
                        case BOOK, SUBBOOK -> books.add(view);
                        case CHAPTER, CLOSING -> chapters.add(view);
                        case SECTION -> sections.add(view);
                    }
                    boolean isChapter = d.level() == DivisionLevel.CHAPTER || d.level() == DivisionLevel.CLOSING;
                    walk(d.children(), d.eId(), isChapter ? d.eId() : chapter,
                            d.level() == DivisionLevel.SECTION ? d.eId() : section, ids, books, chapters, sections, articles);
                }
                case Article a -> articles.add(article(a, chapter, section, ids));
            }
        }
    }

    private static List<String> articleIds(Division division) {
        List<String> out = new ArrayList<>();
        collect(division.children(), out);
        return out;
    }

    private static void collect(List<Node> nodes, List<String> out) {
        for (Node node : nodes) {
            switch (node) {
                case Division d -> collect(d.children(), out);
                case Article a -> out.add(a.eId());
            }
        }
    }

    static ArticleView article(Article a, String chapter, String section, Map<String, String> ids) {
        List<ParagraphView> paragraphs = new ArrayList<>();
        for (Paragraph p : a.paragraphs()) {
            List<ItemView> items = new ArrayList<>();
            for (Item i : p.items()) {
                List<ItemView> subs = new ArrayList<>();
                for (SubItem s : i.subItems()) {
                    subs.add(new ItemView(s.eId(), ids.getOrDefault(s.eId(), s.eId()), s.num(), s.text(), List.of()));
                }
                items.add(new ItemView(i.eId(), ids.getOrDefault(i.eId(), i.eId()), i.num(), i.text(), subs));
            }
            paragraphs.add(new ParagraphView(p.eId(), ids.getOrDefault(p.eId(), p.eId()), p.lead(), p.text(), items));
        }
        return new ArticleView(a.eId(), ids.getOrDefault(a.eId(), a.eId()), a.number().text(), a.number().main(),
                a.number().sub(), a.heading(), chapter, section, a.text(), paragraphs);
    }
}

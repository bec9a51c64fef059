package org.megacity.legislation.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: edits a draft as a drafting office would (insert, delete, change, move articles)
 * and writes the new version's text with the articles renumbered and the chapters kept.
 */
public final class Redrafting {

    private record Entry(String chapter, String text) {
    }

    private final String title;
    private final List<Entry> entries = new ArrayList<>();

    private Redrafting(Draft draft) {
        this.title = draft.title();
        collect(draft.body(), "", entries);
    }

    public static Redrafting of(Draft draft) {
        return new Redrafting(draft);
    }

    private static void collect(List<Node> nodes, String chapter, List<Entry> out) {
        for (Node node : nodes) {
            switch (node) {
                case Division d -> collect(d.children(), d.level() == DivisionLevel.CHAPTER ? d.heading() : chapter, out);
                case Article a -> out.add(new Entry(chapter, a.text()));
            }
        }
    }

    /** Inserts a new article after the article numbered {@code after} (1-based, in the current edit). */
    public Redrafting insertAfter(int after, String text) {
        entries.add(after, new Entry(entries.get(after - 1).chapter(), text));
        return this;
    }

    public Redrafting delete(int number) {
        entries.remove(number - 1);
        return this;
    }

    public Redrafting change(int number, String text) {
        Entry old = entries.get(number - 1);
        entries.set(number - 1, new Entry(old.chapter(), text));
        return this;
    }

    /** Moves an article to stand after the article now numbered {@code after}, into that one's chapter. */
    public Redrafting move(int number, int after) {
        Entry moved = entries.remove(number - 1);
        int at = after > number ? after - 1 : after;
        entries.add(at, new Entry(entries.get(at - 1).chapter(), moved.text()));
        return this;
    }

    public String text() {
        StringBuilder out = new StringBuilder(title).append("\n\n");
        String chapter = "";
        int chapters = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (!e.chapter().isEmpty() && !e.chapter().equals(chapter)) {
                chapter = e.chapter();
                out.append("第").append(ChineseNumerals.format(++chapters)).append("章 ").append(chapter).append("\n\n");
            }
            out.append(ArticleNumber.of(i + 1).text()).append(' ').append(e.text()).append("\n\n");
        }
        return out.toString();
    }
}

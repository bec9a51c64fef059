package org.megacity.legislation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.megacity.legislation.draft.Article;
import org.megacity.legislation.draft.Draft;
import org.megacity.legislation.draft.Item;
import org.megacity.legislation.draft.Paragraph;
import org.megacity.legislation.draft.SubItem;

/**
 * A stored version of a bill's draft with its element ids: each element's {@code eId} (which
 * follows the version's numbering) and {@code wId} (stable across versions; see docs/legislation.md).
 *
 * @param workIds {@code eId → wId} of every element
 */
public record DraftVersion(Summary summary, Draft draft, Map<String, String> workIds) {

    /**
     * A version without its text.
     *
     * @param label       e.g. 一审稿, or null
     * @param publishedAt when it was published for comment, or null
     */
    public record Summary(String billId, int version, String title, String label, int articleCount,
            Instant publishedAt) {

        public boolean published() {
            return publishedAt != null;
        }
    }

    /**
     * An article, paragraph, item or sub-item of the version.
     *
     * @param kind       {@code article}, {@code paragraph}, {@code item} or {@code subitem}
     * @param label      where it is, as a reader names it: 第十条, 第十条第二款, 第十条第二款第（一）项
     * @param articleEId the {@code eId} of the article it is in (its own for an article)
     * @param articleWId the {@code wId} of that article
     * @param text       its words (an article's: all its paragraphs, one per line)
     */
    public record Element(String kind, String eId, String wId, String label, String articleEId, String articleWId,
            String articleLabel, String text) {
    }

    public DraftVersion {
        workIds = Map.copyOf(workIds);
    }

    public String billId() {
        return summary.billId();
    }

    public int version() {
        return summary.version();
    }

    /** Every article, paragraph, item and sub-item in document order. */
    public List<Element> elements() {
        List<Element> out = new ArrayList<>();
        for (Article a : draft.articles()) {
            String art = a.number().text();
            String aw = wid(a.eId());
            out.add(new Element("article", a.eId(), aw, art, a.eId(), aw, art, a.text()));
            int pn = 0;
            for (Paragraph p : a.paragraphs()) {
                pn++;
                String pl = art + "第" + org.megacity.legislation.draft.ChineseNumerals.format(pn) + "款";
                out.add(new Element("paragraph", p.eId(), wid(p.eId()), pl, a.eId(), aw, art, p.text()));
                for (Item i : p.items()) {
                    String il = pl + "第" + i.num() + "项";
                    out.add(new Element("item", i.eId(), wid(i.eId()), il, a.eId(), aw, art, i.num() + i.text()));
                    for (SubItem s : i.subItems()) {
                        out.add(new Element("subitem", s.eId(), wid(s.eId()), il + "第" + s.number() + "目", a.eId(), aw,
                                art, s.num() + s.text()));
                    }
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The element whose {@code eId} or, failing that, {@code wId} in this version is {@code id}. */
    public Optional<Element> element(String id) {
        if (id == null) {
            return Optional.empty();
        }
        List<Element> all = elements();
        return all.stream().filter(e -> e.eId().equals(id)).findFirst()
                .or(() -> all.stream().filter(e -> e.wId().equals(id)).findFirst());
    }

    private String wid(String eId) {
        return workIds.getOrDefault(eId, eId);
    }
}

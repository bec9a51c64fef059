package org.megacity.legislation.draft;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Work-level identifiers ({@code wId}, Akoma Ntoso naming convention §5.5): the ids that stay with
 * an element across versions while its {@code eId} follows its current number and place.
 *
 * <p>In the first version every {@code wId} is the {@code eId}. In a later version an article paired
 * with one of the previous version (kept, renumbered, moved or changed: see {@link DraftComparison})
 * keeps that article's {@code wId}; its paragraphs, items and sub-items keep theirs where they pair
 * up (equal texts, then changed ones in order). A new element gets an id built on its parent's
 * {@code wId}, or its own {@code eId} at the top, suffixed with {@code v<version>} when that id was
 * ever used in the bill, so a {@code wId} never names two different elements. Comments and opinions
 * anchor on the {@code wId}: they follow article 12 when it becomes article 13.
 */
public final class WorkIds {

    private final Set<String> used;
    private final int version;
    private final Map<String, String> result = new LinkedHashMap<>();

    private WorkIds(Set<String> used, int version) {
        this.used = used;
        this.version = version;
    }

    /** The first version's ids: every element's {@code wId} is its {@code eId}. */
    public static Map<String, String> initial(Draft draft) {
        Map<String, String> ids = new LinkedHashMap<>();
        draft.divisions().forEach(d -> ids.put(d.eId(), d.eId()));
        for (Article a : draft.articles()) {
            ids.put(a.eId(), a.eId());
            for (Paragraph p : a.paragraphs()) {
                ids.put(p.eId(), p.eId());
                for (Item i : p.items()) {
                    ids.put(i.eId(), i.eId());
                    i.subItems().forEach(s -> ids.put(s.eId(), s.eId()));
                }
            }
        }
        return ids;
    }

    /**
     * The ids of {@code later} (version {@code version}), carried over from {@code earlier}.
     *
     * @param earlierIds the earlier version's {@code eId → wId}
     * @param used       every {@code wId} the bill has used in any version
     */
    public static Map<String, String> carriedOver(Draft earlier, Map<String, String> earlierIds, Draft later,
            DraftComparison comparison, Set<String> used, int version) {
        Set<String> taken = new HashSet<>(used);
        taken.addAll(earlierIds.values());
        WorkIds ids = new WorkIds(taken, version);
        ids.divisions(earlier, earlierIds, later);
        for (ArticleChange change : comparison.changes()) {
            Article to = change.to();
            if (to == null) {
                continue;
            }
            Article from = change.from();
            if (from == null) {
                ids.freshArticle(to);
                continue;
            }
            String articleId = earlierIds.getOrDefault(from.eId(), from.eId());
            ids.result.put(to.eId(), articleId);
            int[] paragraphs = align(from.paragraphs().stream().map(Paragraph::lead).toList(),
                    to.paragraphs().stream().map(Paragraph::lead).toList());
            for (int k = 0; k < to.paragraphs().size(); k++) {
                Paragraph p = to.paragraphs().get(k);
                if (paragraphs[k] < 0) {
                    ids.freshParagraph(p, articleId, k + 1);
                    continue;
                }
                Paragraph old = from.paragraphs().get(paragraphs[k]);
                String paragraphId = earlierIds.getOrDefault(old.eId(), old.eId());
                ids.result.put(p.eId(), paragraphId);
                int[] items = align(old.items().stream().map(Item::text).toList(), p.items().stream().map(Item::text).toList());
                for (int i = 0; i < p.items().size(); i++) {
                    Item item = p.items().get(i);
                    if (items[i] < 0) {
                        ids.freshItem(item, paragraphId);
                        continue;
                    }
                    Item oldItem = old.items().get(items[i]);
                    String itemId = earlierIds.getOrDefault(oldItem.eId(), oldItem.eId());
                    ids.result.put(item.eId(), itemId);
                    int[] subs = align(oldItem.subItems().stream().map(SubItem::text).toList(),
                            item.subItems().stream().map(SubItem::text).toList());
                    for (int s = 0; s < item.subItems().size(); s++) {
                        SubItem sub = item.subItems().get(s);
                        ids.result.put(sub.eId(), subs[s] < 0 ? ids.fresh(itemId + "__list_1__point_" + sub.number())
                                : earlierIds.getOrDefault(oldItem.subItems().get(subs[s]).eId(),
                                        oldItem.subItems().get(subs[s]).eId()));
                    }
                }
            }
        }
        return ids.result;
    }

    private void divisions(Draft earlier, Map<String, String> earlierIds, Draft later) {
        for (DivisionLevel level : DivisionLevel.values()) {
            List<Division> before = earlier.divisions(level);
            List<Division> after = later.divisions(level);
            int[] pairs = align(before.stream().map(Division::heading).toList(), after.stream().map(Division::heading).toList());
            for (int k = 0; k < after.size(); k++) {
                Division d = after.get(k);
                result.put(d.eId(), pairs[k] < 0 || !before.get(pairs[k]).heading().equals(d.heading()) ? fresh(d.eId())
                        : earlierIds.getOrDefault(before.get(pairs[k]).eId(), before.get(pairs[k]).eId()));
            }
        }
    }

    private void freshArticle(Article article) {
        String id = fresh(article.eId());
        result.put(article.eId(), id);
        for (int k = 0; k < article.paragraphs().size(); k++) {
            freshParagraph(article.paragraphs().get(k), id, k + 1);
        }
    }

    private void freshParagraph(Paragraph paragraph, String articleId, int ordinal) {
        String id = fresh(articleId + "__para_" + ordinal);
        result.put(paragraph.eId(), id);
        paragraph.items().forEach(item -> freshItem(item, id));
    }

    private void freshItem(Item item, String paragraphId) {
        String id = fresh(paragraphId + "__list_1__point_" + item.number());
        result.put(item.eId(), id);
        item.subItems().forEach(s -> result.put(s.eId(), fresh(id + "__list_1__point_" + s.number())));
    }

    private String fresh(String candidate) {
        String id = candidate;
        if (used.contains(id)) {
            id = candidate + "v" + version;
            for (int n = 2; used.contains(id); n++) {
                id = candidate + "v" + version + "-" + n;
            }
        }
        used.add(id);
        return id;
    }

    /** For each element of {@code b}, the index of its counterpart in {@code a}, or -1. */
    static int[] align(List<String> a, List<String> b) {
        int[] pairs = new int[b.size()];
        Arrays.fill(pairs, -1);
        int ia = 0;
        int ib = 0;
        List<AbstractDelta<String>> deltas = new ArrayList<>(DiffUtils.diff(a, b).getDeltas());
        for (AbstractDelta<String> delta : deltas) {
            int sa = delta.getSource().getPosition();
            int sb = delta.getTarget().getPosition();
            while (ia < sa && ib < sb) {
                pairs[ib++] = ia++;
            }
            int common = Math.min(delta.getSource().size(), delta.getTarget().size());
            if (delta.getType() == com.github.difflib.patch.DeltaType.CHANGE) {
                for (int k = 0; k < common; k++) {
                    pairs[sb + k] = sa + k;
                }
            }
            ia = sa + delta.getSource().size();
            ib = sb + delta.getTarget().size();
        }
        while (ia < a.size() && ib < b.size()) {
            pairs[ib++] = ia++;
        }
        return pairs;
    }
}

package org.megacity.legislation.draft;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The article-level difference between two versions of a draft.
 *
 * <p>Articles are paired first by identical text (whatever their numbers), then the rest by the
 * similarity of their texts (Dice coefficient of character bigrams, at least {@link #SIMILAR});
 * what stays unpaired was added or removed. Of the paired articles, those outside the longest run
 * that keeps its order (a longest increasing subsequence) were moved; the others that changed number
 * were only renumbered. Inserting an article in the middle therefore gives one addition and
 * renumbers the rest, instead of marking every later article changed. Chinese has no spaces, so
 * the text of a changed article is compared character by character (Myers' algorithm, from
 * java-diff-utils) for the side-by-side view.
 *
 * @param changes one entry per article of either version: in the order of the later version, with
 *                removed articles where they stood
 */
public record DraftComparison(List<ArticleChange> changes) {

    /** The least similarity for two different texts to count as one article changed. */
    public static final double SIMILAR = 0.45;

    public DraftComparison {
        changes = List.copyOf(changes);
    }

    public static DraftComparison between(Draft earlier, Draft later) {
        List<Article> from = earlier.articles();
        List<Article> to = later.articles();
        String[] fromText = from.stream().map(DraftComparison::normalized).toArray(String[]::new);
        String[] toText = to.stream().map(DraftComparison::normalized).toArray(String[]::new);
        int[] toFrom = new int[to.size()];
        int[] fromTo = new int[from.size()];
        Arrays.fill(toFrom, -1);
        Arrays.fill(fromTo, -1);

        Map<String, Deque<Integer>> byText = new HashMap<>();
        for (int i = 0; i < from.size(); i++) {
            byText.computeIfAbsent(fromText[i], k -> new ArrayDeque<>()).add(i);
        }
        for (int j = 0; j < to.size(); j++) {
            Deque<Integer> same = byText.get(toText[j]);
            if (same != null && !same.isEmpty()) {
                int i = same.poll();
                toFrom[j] = i;
                fromTo[i] = j;
            }
        }
        double[] similarity = new double[to.size()];
        pairSimilar(fromText, toText, fromTo, toFrom, similarity);

        boolean[] inOrder = longestOrderedRun(toFrom);
        List<ArticleChange> changes = new ArrayList<>(from.size() + to.size());
        int nextFrom = 0;
        for (int j = 0; j < to.size(); j++) {
            int i = toFrom[j];
            if (i >= 0 && inOrder[j]) {
                // removed articles that stood before this kept one come first
                for (; nextFrom < i; nextFrom++) {
                    if (fromTo[nextFrom] < 0) {
                        changes.add(removed(from.get(nextFrom)));
                    }
                }
                nextFrom = Math.max(nextFrom, i + 1);
            }
            if (i < 0) {
                changes.add(new ArticleChange(ArticleChange.Kind.ADDED, null, to.get(j), false, false, 0, List.of()));
                continue;
            }
            Article a = from.get(i);
            Article b = to.get(j);
            boolean renumbered = !a.number().equals(b.number());
            boolean moved = !inOrder[j];
            boolean same = fromText[i].equals(toText[j]);
            ArticleChange.Kind kind = !same ? ArticleChange.Kind.CHANGED : moved ? ArticleChange.Kind.MOVED
                    : renumbered ? ArticleChange.Kind.RENUMBERED : ArticleChange.Kind.UNCHANGED;
            changes.add(new ArticleChange(kind, a, b, renumbered, moved, same ? 1 : similarity[j],
                    same ? List.of() : edits(a.text(), b.text())));
        }
        for (; nextFrom < from.size(); nextFrom++) {
            if (fromTo[nextFrom] < 0) {
                changes.add(removed(from.get(nextFrom)));
            }
        }
        return new DraftComparison(changes);
    }

    /** How many articles had changes of a kind. */
    public long count(ArticleChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    /** The changes to content or order: additions, removals, changes and moves (not renumbering alone). */
    public List<ArticleChange> substantive() {
        return changes.stream().filter(c -> c.kind().substantive()).toList();
    }

    private static ArticleChange removed(Article article) {
        return new ArticleChange(ArticleChange.Kind.REMOVED, article, null, false, false, 0, List.of());
    }

    private static String normalized(Article article) {
        StringBuilder out = new StringBuilder();
        String text = (article.heading() == null ? "" : article.heading() + "\n") + article.text();
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (!Character.isWhitespace(c) || c == '\n') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void pairSimilar(String[] fromText, String[] toText, int[] fromTo, int[] toFrom, double[] similarity) {
        List<Integer> freeFrom = new ArrayList<>();
        List<Integer> freeTo = new ArrayList<>();
        for (int i = 0; i < fromText.length; i++) {
            if (fromTo[i] < 0) {
                freeFrom.add(i);
            }
        }
        for (int j = 0; j < toText.length; j++) {
            if (toFrom[j] < 0) {
                freeTo.add(j);
            }
        }
        if (freeFrom.isEmpty() || freeTo.isEmpty()) {
            return;
        }
        int[][] fromGrams = freeFrom.stream().map(i -> bigrams(fromText[i])).toArray(int[][]::new);
        int[][] toGrams = freeTo.stream().map(j -> bigrams(toText[j])).toArray(int[][]::new);
        record Candidate(int from, int to, double similarity, int distance) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int a = 0; a < fromGrams.length; a++) {
            for (int b = 0; b < toGrams.length; b++) {
                double dice = dice(fromGrams[a], toGrams[b]);
                if (dice >= SIMILAR) {
                    int i = freeFrom.get(a);
                    int j = freeTo.get(b);
                    candidates.add(new Candidate(i, j, dice, Math.abs(i - j)));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed()
                .thenComparingInt(Candidate::distance));
        for (Candidate c : candidates) {
            if (fromTo[c.from] < 0 && toFrom[c.to] < 0) {
                fromTo[c.from] = c.to;
                toFrom[c.to] = c.from;
                similarity[c.to] = c.similarity;
            }
        }
    }

    /** The sorted character bigrams of a text, each as one int. */
    private static int[] bigrams(String text) {
        if (text.length() < 2) {
            return text.isEmpty() ? new int[0] : new int[] {text.charAt(0)};
        }
        int[] grams = new int[text.length() - 1];
        for (int k = 0; k + 1 < text.length(); k++) {
            grams[k] = (text.charAt(k) << 16) | text.charAt(k + 1);
        }
        Arrays.sort(grams);
        return grams;
    }

    /** Dice's coefficient of two sorted multisets: 2|A∩B| / (|A| + |B|). */
    private static double dice(int[] a, int[] b) {
        if (a.length + b.length == 0) {
            return 1;
        }
        int common = 0;
        int x = 0;
        int y = 0;
        while (x < a.length && y < b.length) {
            if (a[x] == b[y]) {
                common++;
                x++;
                y++;
            } else if (a[x] < b[y]) {
                x++;
            } else {
                y++;
            }
        }
        return 2.0 * common / (a.length + b.length);
    }

    /**
     * Marks the paired later articles that lie on a longest run keeping the earlier order (patience
     * sorting, O(n log n)); the paired ones off it were moved.
     */
    private static boolean[] longestOrderedRun(int[] toFrom) {
        int n = toFrom.length;
        int[] tailIndex = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int j = 0; j < n; j++) {
            if (toFrom[j] < 0) {
                continue;
            }
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (toFrom[tailIndex[mid]] < toFrom[j]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[j] = lo > 0 ? tailIndex[lo - 1] : -1;
            tailIndex[lo] = j;
            if (lo == length) {
                length++;
            }
        }
        boolean[] on = new boolean[n];
        int j = length > 0 ? tailIndex[length - 1] : -1;
        while (j >= 0) {
            on[j] = true;
            j = previous[j];
        }
        return on;
    }

    /** Character-level differences of two texts, as runs. */
    static List<ArticleChange.TextEdit> edits(String a, String b) {
        List<Integer> left = a.codePoints().boxed().toList();
        List<Integer> right = b.codePoints().boxed().toList();
        Patch<Integer> patch = DiffUtils.diff(left, right);
        List<ArticleChange.TextEdit> out = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<Integer> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            if (start > position) {
                add(out, ArticleChange.TextEdit.Op.EQUAL, left.subList(position, start));
            }
            add(out, ArticleChange.TextEdit.Op.DELETE, delta.getSource().getLines());
            add(out, ArticleChange.TextEdit.Op.INSERT, delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        if (position < left.size()) {
            add(out, ArticleChange.TextEdit.Op.EQUAL, left.subList(position, left.size()));
        }
        return out;
    }

    private static void add(List<ArticleChange.TextEdit> out, ArticleChange.TextEdit.Op op, List<Integer> codePoints) {
        if (codePoints.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(codePoints.size());
        codePoints.forEach(text::appendCodePoint);
        out.add(new ArticleChange.TextEdit(op, text.toString()));
    }
}

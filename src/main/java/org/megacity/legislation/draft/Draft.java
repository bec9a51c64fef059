package org.megacity.legislation.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * A structured legal text: title, the lines recording its adoption and amendments, a preamble, and
 * the body of divisions and articles.
 *
 * @param title    the title, or null when the text has none
 * @param history  lines recording adoption and amendments (2021年8月20日 … 通过)
 * @param preamble lines before the first division or article
 */
public record Draft(String title, List<String> history, List<String> preamble, List<Node> body) {

    public Draft {
        history = List.copyOf(history);
        preamble = List.copyOf(preamble);
        body = List.copyOf(body);
    }

    /** Every article, in order. */
    public List<Article> articles() {
        List<Article> out = new ArrayList<>();
        collect(body, out);
        return out;
    }

    public int articleCount() {
        return articles().size();
    }

    /** Every division of a level, in order. */
    public List<Division> divisions(DivisionLevel level) {
        List<Division> out = new ArrayList<>();
        collectDivisions(body, level, out);
        return out;
    }

    /** Every division, in document order (parents before children). */
    public List<Division> divisions() {
        List<Division> out = new ArrayList<>();
        collectDivisions(body, null, out);
        return out;
    }

    private static void collect(List<Node> nodes, List<Article> out) {
        for (Node node : nodes) {
            switch (node) {
                case Article a -> out.add(a);
                case Division d -> collect(d.children(), out);
            }
        }
    }

    private static void collectDivisions(List<Node> nodes, DivisionLevel level, List<Division> out) {
        for (Node node : nodes) {
            if (node instanceof Division d) {
                if (level == null || d.level() == level) {
                    out.add(d);
                }
                collectDivisions(d.children(), level, out);
            }
        }
    }
}

package org.megacity.legislation.draft;

import java.util.ArrayList;
import java.util.List;

/** Test fixture: a draft's structure without source lines, one entry per element, for comparing. */
public final class Structure {

    private Structure() {
    }

    public static List<String> of(Draft draft) {
        List<String> out = new ArrayList<>();
        out.add("title|" + draft.title());
        draft.history().forEach(h -> out.add("history|" + h));
        draft.preamble().forEach(p -> out.add("preamble|" + p));
        nodes(draft.body(), out);
        return out;
    }

    private static void nodes(List<Node> nodes, List<String> out) {
        for (Node node : nodes) {
            switch (node) {
                case Division d -> {
                    out.add(d.eId() + "|" + d.level() + "|" + d.number() + "|" + d.heading());
                    nodes(d.children(), out);
                }
                case Article a -> {
                    out.add(a.eId() + "|" + a.number().text() + "|" + a.heading());
                    for (Paragraph p : a.paragraphs()) {
                        out.add(p.eId() + "|" + p.lead());
                        for (Item i : p.items()) {
                            out.add(i.eId() + "|" + i.number() + "|" + i.text());
                            for (SubItem s : i.subItems()) {
                                out.add(s.eId() + "|" + s.number() + "|" + s.style() + "|" + s.text());
                            }
                        }
                    }
                }
            }
        }
    }
}

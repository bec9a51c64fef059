package org.megacity.legislation.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * A paragraph (款): its own words and the items (项) that follow them.
 *
 * @param lead the paragraph's words (may be empty when it opens with an item)
 */
public record Paragraph(String lead, String eId, List<Item> items, int line) {

    public Paragraph {
        items = List.copyOf(items);
    }

    /** The {@code eId} of the list of items: {@code <paragraph>__list_1}. */
    public String listEId() {
        return eId + "__list_1";
    }

    /** The paragraph's text as written: the lead, then each item and sub-item on its own line. */
    public String text() {
        List<String> lines = new ArrayList<>();
        if (!lead.isEmpty()) {
            lines.add(lead);
        }
        for (Item item : items) {
            lines.add(item.num() + item.text());
            for (SubItem sub : item.subItems()) {
                lines.add(sub.num() + sub.text());
            }
        }
        return String.join("\n", lines);
    }
}

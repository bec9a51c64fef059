package org.megacity.legislation.draft;

import java.util.List;

/** An item (项), numbered （一）, （二）, …, and its sub-items (目). */
public record Item(int number, String text, String eId, List<SubItem> subItems, int line) {

    public Item {
        subItems = List.copyOf(subItems);
    }

    /** As written: （一）. */
    public String num() {
        return "（" + ChineseNumerals.format(number) + "）";
    }

    public String listEId() {
        return eId + "__list_1";
    }
}

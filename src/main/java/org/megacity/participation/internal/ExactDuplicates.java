package org.megacity.participation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.megacity.participation.OpinionAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The simple analysis used until the analysis engine plugs in: opinions whose texts are equal once
 * whitespace is collapsed form one campaign. Near-duplicates (synonyms swapped) and topics are the
 * engine's work.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ExactDuplicates implements OpinionAnalysis {

    @Override
    public List<OpinionGroup> groups(List<OpinionText> opinions) {
        Map<String, List<OpinionText>> byText = new LinkedHashMap<>();
        for (OpinionText opinion : opinions) {
            byText.computeIfAbsent(Participation.normalised(opinion.text()), k -> new ArrayList<>()).add(opinion);
        }
        List<OpinionGroup> groups = new ArrayList<>();
        for (var entry : byText.entrySet()) {
            if (entry.getValue().size() >= 2) {
                groups.add(new OpinionGroup("campaign", cut(entry.getKey(), 60),
                        entry.getValue().stream().map(OpinionText::opinionId).toList()));
            }
        }
        groups.sort((a, b) -> Integer.compare(b.count(), a.count()));
        return groups;
    }

    static String cut(String text, int max) {
        int[] cp = text.codePoints().toArray();
        return cp.length <= max ? text : new String(cp, 0, max) + "…";
    }
}

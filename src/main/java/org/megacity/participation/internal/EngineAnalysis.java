package org.megacity.participation.internal;

import java.util.ArrayList;
import java.util.List;
import org.megacity.opinionanalysis.Campaign;
import org.megacity.opinionanalysis.OpinionAnalyzer;
import org.megacity.opinionanalysis.Topic;
import org.megacity.participation.OpinionAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The consultation's opinions through the opinion analysis engine: campaigns of exact and
 * near-duplicate opinions (form letters with words swapped, sentences added or removed), then the
 * topics of at least two opinions. It takes precedence over {@link ExactDuplicates}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class EngineAnalysis implements OpinionAnalysis {

    private final OpinionAnalyzer analyzer = new OpinionAnalyzer();

    @Override
    public List<OpinionGroup> groups(List<OpinionText> opinions) {
        List<org.megacity.opinionanalysis.OpinionText> input = new ArrayList<>(opinions.size());
        for (OpinionText o : opinions) {
            input.add(new org.megacity.opinionanalysis.OpinionText(o.opinionId(), o.text(), o.articleWId(),
                    o.channel() == null ? null : o.channel().id(), null));
        }
        org.megacity.opinionanalysis.OpinionAnalysis result = analyzer.analyse(input);
        List<OpinionGroup> groups = new ArrayList<>();
        for (Campaign campaign : result.campaigns()) {
            groups.add(new OpinionGroup("campaign", ExactDuplicates.cut(campaign.representativeText(), 60),
                    campaign.memberIds()));
        }
        for (Topic topic : result.topics()) {
            if (topic.memberIds().size() >= 2) {
                String label = topic.labelZh() == null || topic.labelZh().isBlank() ? topic.labelEn() : topic.labelZh();
                groups.add(new OpinionGroup("topic", label, topic.memberIds()));
            }
        }
        return groups;
    }
}

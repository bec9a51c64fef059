package org.megacity.participation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.megacity.legislation.DraftVersion;
import org.megacity.opinionanalysis.ArticleHeat;
import org.megacity.opinionanalysis.Campaign;
import org.megacity.opinionanalysis.OpinionAnalyzer;
import org.megacity.opinionanalysis.OpinionText;
import org.megacity.opinionanalysis.Topic;
import org.springframework.stereotype.Component;

/**
 * The analysis of a consultation's visible opinions for the staff workspace: campaigns with their
 * variants, topics per article and heat along the draft, computed by the opinion analysis engine.
 * The result is cached per consultation and recomputed when the consultation's opinions change: an
 * opinion arrives or is hidden (opinions are never deleted, so the number of opinions and the number
 * of hidden ones identify the visible set).
 */
@Component
class ConsultationAnalyses {

    /** A campaign's member texts shown at most (the members' ids are all there). */
    static final int MAX_VARIANTS = 200;

    private final Participation participation;
    private final OpinionAnalyzer analyzer = new OpinionAnalyzer();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ConsultationAnalyses(Participation participation) {
        this.participation = participation;
    }

    private record Cached(long opinions, long hidden, Analysis analysis) {
    }

    /** An article of the draft (or {@code ""}, the draft as a whole) with a count. */
    record ArticleCount(String wId, String eId, String label, int count) {
    }

    /**
     * One wording of a campaign: the opinions with this exact text.
     *
     * @param opinionIds the opinions with this text, in arrival order
     */
    record Variant(String text, int count, List<String> opinionIds, boolean representative) {
    }

    record CampaignView(String id, int count, int exactCopies, String representativeId, String representativeText,
            Instant firstSeen, Instant lastSeen, Map<String, Integer> channels, List<ArticleCount> articles,
            List<String> opinionIds, List<Variant> variants, int variantCount) {
    }

    record TopicView(String id, String labelZh, String labelEn, List<String> terms, int count,
            List<ArticleCount> perArticle) {
    }

    /**
     * Heat of one article.
     *
     * @param wId {@code ""} for opinions on the draft as a whole
     */
    record Heat(String wId, String eId, String label, int opinions, int distinctOpinions, int campaignOpinions,
            double campaignShare) {
    }

    record Analysis(String consultationId, int opinions, int campaignOpinions, List<CampaignView> campaigns,
            List<TopicView> topics, List<Heat> heat, Instant computedAt) {

        /** The largest number of opinions on one article (to draw the heat bar). */
        public int hottest() {
            return heat.stream().mapToInt(Heat::opinions).max().orElse(0);
        }
    }

    Analysis of(String consultationId) {
        Consultation consultation = participation.consultation(consultationId);
        List<Opinion> all = participation.opinions(consultationId);
        long hidden = all.stream().filter(Opinion::hidden).count();
        Cached cached = cache.get(consultationId);
        if (cached != null && cached.opinions() == all.size() && cached.hidden() == hidden) {
            return cached.analysis();
        }
        Analysis analysis = compute(consultation, all.stream().filter(o -> !o.hidden()).toList());
        cache.put(consultationId, new Cached(all.size(), hidden, analysis));
        return analysis;
    }

    private Analysis compute(Consultation consultation, List<Opinion> visible) {
        DraftVersion version = participation.version(consultation);
        Map<String, DraftVersion.Element> articles = new LinkedHashMap<>();
        for (DraftVersion.Element e : version.elements()) {
            if (e.kind().equals("article") && (consultation.wholeBill() || consultation.scope().contains(e.wId()))) {
                articles.put(e.wId(), e);
            }
        }
        Map<String, Opinion> byId = new HashMap<>();
        List<OpinionText> input = new ArrayList<>(visible.size());
        for (Opinion o : visible) {
            byId.put(o.id(), o);
            input.add(new OpinionText(o.id(), o.text(), o.articleWId(), o.channel() == null ? null : o.channel().id(),
                    o.submittedAt()));
        }
        var result = analyzer.analyse(input);

        List<CampaignView> campaigns = new ArrayList<>();
        for (Campaign c : result.campaigns()) {
            Map<String, List<String>> byText = new LinkedHashMap<>();
            for (String id : c.memberIds()) {
                byText.computeIfAbsent(byId.get(id).text(), t -> new ArrayList<>()).add(id);
            }
            List<Variant> variants = new ArrayList<>();
            for (var entry : byText.entrySet()) {
                variants.add(new Variant(entry.getKey(), entry.getValue().size(), entry.getValue(),
                        entry.getValue().contains(c.representativeId())));
            }
            variants.sort((a, b) -> a.representative() != b.representative() ? (a.representative() ? -1 : 1)
                    : Integer.compare(b.count(), a.count()));
            int variantCount = variants.size();
            if (variants.size() > MAX_VARIANTS) {
                variants = List.copyOf(variants.subList(0, MAX_VARIANTS));
            }
            campaigns.add(new CampaignView(c.id(), c.count(), c.exactCopies(), c.representativeId(),
                    c.representativeText(), c.firstSeen(), c.lastSeen(), c.channels(), counts(c.articles(), articles),
                    c.memberIds(), variants, variantCount));
        }
        List<TopicView> topics = new ArrayList<>();
        for (Topic t : result.topics()) {
            topics.add(new TopicView(t.id(), t.labelZh(), t.labelEn(), t.terms(), t.memberIds().size(),
                    counts(t.perArticle(), articles)));
        }
        Map<String, ArticleHeat> heatByArticle = new HashMap<>();
        for (ArticleHeat h : result.heat()) {
            heatByArticle.put(h.article(), h);
        }
        List<Heat> heat = new ArrayList<>();
        ArticleHeat general = heatByArticle.remove("");
        for (DraftVersion.Element e : articles.values()) {
            ArticleHeat h = heatByArticle.remove(e.wId());
            heat.add(h == null ? new Heat(e.wId(), e.eId(), e.label(), 0, 0, 0, 0)
                    : new Heat(e.wId(), e.eId(), e.label(), h.opinions(), h.distinctOpinions(), h.campaignOpinions(),
                            h.campaignShare()));
        }
        // opinions on articles outside the scope (given before the scope was narrowed, if ever) stay counted
        for (ArticleHeat h : heatByArticle.values()) {
            heat.add(new Heat(h.article(), null, h.article(), h.opinions(), h.distinctOpinions(), h.campaignOpinions(),
                    h.campaignShare()));
        }
        if (general != null) {
            heat.add(new Heat("", null, null, general.opinions(), general.distinctOpinions(), general.campaignOpinions(),
                    general.campaignShare()));
        }
        return new Analysis(consultation.id(), result.opinions(), result.campaignOpinions(), campaigns, topics, heat,
                participation.now());
    }

    /** Counts per article in the draft's order, the draft as a whole ({@code ""}) last. */
    private static List<ArticleCount> counts(Map<String, Integer> perArticle, Map<String, DraftVersion.Element> articles) {
        List<ArticleCount> out = new ArrayList<>();
        for (DraftVersion.Element e : articles.values()) {
            Integer n = perArticle.get(e.wId());
            if (n != null && n > 0) {
                out.add(new ArticleCount(e.wId(), e.eId(), e.label(), n));
            }
        }
        for (var entry : perArticle.entrySet()) {
            if (!entry.getKey().isEmpty() && !articles.containsKey(entry.getKey()) && entry.getValue() > 0) {
                out.add(new ArticleCount(entry.getKey(), null, entry.getKey(), entry.getValue()));
            }
        }
        Integer general = perArticle.get("");
        if (general != null && general > 0) {
            out.add(new ArticleCount("", null, null, general));
        }
        return out;
    }
}

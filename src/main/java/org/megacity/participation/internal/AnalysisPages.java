package org.megacity.participation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.megacity.identity.CurrentActor;
import org.megacity.participation.Channel;
import org.megacity.participation.Outcome;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The opinion analysis of a consultation for legislative staff: the API
 * ({@code GET /api/v1/participation/consultations/{id}/analysis}) and the workspace page with the
 * campaigns and their variants, topics per article (ECharts) and the heat bar along the draft.
 */
@Controller
class AnalysisPages {

    private final Participation participation;
    private final ConsultationAnalyses analyses;
    private final CurrentActor actor;

    AnalysisPages(Participation participation, ConsultationAnalyses analyses, CurrentActor actor) {
        this.participation = participation;
        this.analyses = analyses;
        this.actor = actor;
    }

    @GetMapping("/api/v1/participation/consultations/{id}/analysis")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    @ResponseBody
    ConsultationAnalyses.Analysis analysis(@PathVariable String id) {
        return analyses.of(id);
    }

    @GetMapping("/participation/consultations/{id}/analysis")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    String page(@PathVariable String id, Model model) {
        Consultation c = participation.consultation(id);
        ConsultationAnalyses.Analysis analysis = analyses.of(id);
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("consultation", c);
        model.addAttribute("state", c.state(participation.now()));
        model.addAttribute("analysis", analysis);
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("chart", chart(analysis, english));
        model.addAttribute("english", english);
        Map<String, String> channelNames = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            channelNames.put(channel.id(), english ? channel.nameEn() : channel.nameZh());
        }
        channelNames.put("", english ? "unknown" : "未知");
        model.addAttribute("channelNames", channelNames);
        model.addAttribute("signedIn", actor.get().authenticated());
        model.addAttribute("dates", PageDates.INSTANCE);
        model.addAttribute("problem", null);
        return "participation/analysis";
    }

    /** The topics-per-article chart's data: the articles with opinions in the draft's order, one stacked series per topic (the 12 largest). */
    static Map<String, Object> chart(ConsultationAnalyses.Analysis analysis, boolean english) {
        List<String> keys = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (ConsultationAnalyses.Heat h : analysis.heat()) {
            if (h.opinions() > 0) {
                keys.add(h.wId());
                labels.add(h.wId().isEmpty() ? (english ? "General" : "总体") : h.label());
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (ConsultationAnalyses.TopicView t : analysis.topics().stream().limit(12).toList()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            t.perArticle().forEach(a -> counts.put(a.wId(), a.count()));
            Map<String, Object> s = new LinkedHashMap<>();
            String label = english ? t.labelEn() : t.labelZh();
            s.put("name", label == null || label.isBlank() ? t.id() : label);
            s.put("data", keys.stream().map(k -> counts.getOrDefault(k, 0)).toList());
            series.add(s);
        }
        // a map, not a record: Thymeleaf's JavaScript serialiser reads maps and lists (and bean getters)
        return Map.of("articles", labels, "series", series);
    }
}

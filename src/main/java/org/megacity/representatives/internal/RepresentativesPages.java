package org.megacity.representatives.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.Role;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desks: the deputy's (submit, follow, evaluate), the handling unit's (suggestions of the
 * actor's departments), the congress staff's assignment board and overdue dashboard (legislative
 * staff), and the public handling report.
 */
@Controller
class RepresentativesPages {

    private final RepresentativesApi api;
    private final Suggestions suggestions;
    private final Registry registry;
    private final CurrentActor current;

    RepresentativesPages(RepresentativesApi api, Suggestions suggestions, Registry registry, CurrentActor current) {
        this.api = api;
        this.suggestions = suggestions;
        this.registry = registry;
        this.current = current;
    }

    @GetMapping("/representatives")
    String desk(Model model) {
        Actor actor = current.get();
        List<RepresentativesApi.SuggestionSummary> mine = api.list(null, null);
        model.addAttribute("deputy", actor.has(Role.DEPUTY) && registry.deputyOf(actor.username()).isPresent());
        model.addAttribute("handler", actor.has(Role.DEPARTMENT_HANDLER));
        model.addAttribute("staff", actor.has(Role.LEGISLATIVE_STAFF));
        model.addAttribute("suggestions", mine);
        model.addAttribute("board", mine.stream().filter(s -> s.state().equals("SUBMITTED") || s.state().equals("RETURNED")
                || s.state().equals("UNSATISFIED")).toList());
        model.addAttribute("overdue", mine.stream().filter(RepresentativesApi.SuggestionSummary::overdue).toList());
        model.addAttribute("report", suggestions.report());
        model.addAttribute("english", english());
        return "representatives/desk";
    }

    @GetMapping("/representatives/report")
    String report(Model model) {
        model.addAttribute("report", suggestions.report());
        return "representatives/report";
    }

    @PostMapping("/representatives/suggestions")
    String submit(@RequestParam String title, @RequestParam String body, @RequestParam String topic,
            @RequestParam(required = false) String duringSession, RedirectAttributes redirect) {
        try {
            var s = suggestions.submit(current.get(), new Suggestions.Submission(title, body, topic,
                    duringSession != null, List.of(), null));
            return "redirect:/representatives/suggestions/" + s.id;
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
            return "redirect:/representatives";
        }
    }

    @GetMapping("/representatives/suggestions/{id}")
    String suggestion(@PathVariable String id, Model model) {
        model.addAttribute("s", api.get(id));
        model.addAttribute("categories", Arrays.stream(Suggestions.Category.values()).map(Enum::name).toList());
        model.addAttribute("evaluations", Arrays.stream(Suggestions.Evaluation.values()).map(Enum::name).toList());
        model.addAttribute("english", english());
        return "representatives/suggestion";
    }

    @PostMapping("/representatives/suggestions/{id}/act")
    String act(@PathVariable String id, @RequestParam String action, @RequestParam int version,
            @RequestParam(required = false) String leadUnit, @RequestParam(required = false) String coUnits,
            @RequestParam(required = false) String hard, @RequestParam(required = false) String text,
            @RequestParam(required = false) String category, @RequestParam(required = false) String plannedDate,
            @RequestParam(required = false) String evaluation, RedirectAttributes redirect) {
        try {
            List<String> co = coUnits == null || coUnits.isBlank() ? List.of()
                    : Arrays.stream(coUnits.split("[,，\\s]+")).filter(x -> !x.isBlank()).toList();
            api.act(id, action, new Suggestions.ActionInput(version, blank(leadUnit), co, hard != null, blank(text),
                    blank(text), blank(category), blank(plannedDate), blank(text), blank(evaluation), blank(text)));
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return "redirect:/representatives/suggestions/" + id;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static boolean english() {
        return LocaleContextHolder.getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage());
    }
}

package org.megacity.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.megacity.cases.CaseStatus;
import org.megacity.cases.Channel;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case pages: the desk (my queue, the open cases in my reach on a map coloured by time left),
 * a case with its timeline and the actions I may take, the hotline intake form with a map picker,
 * the KPI dashboard; and the public pages to report a problem and track a report.
 */
@Controller
class CasesPages {

    private final CaseService cases;
    private final CaseQueries queries;
    private final CaseViews views;
    private final CaseStore store;
    private final CurrentActor current;

    CasesPages(CaseService cases, CaseQueries queries, CaseViews views, CaseStore store, CurrentActor current) {
        this.cases = cases;
        this.queries = queries;
        this.views = views;
        this.store = store;
        this.current = current;
    }

    static final List<CaseStatus> OPEN = List.of(CaseStatus.REPORTED, CaseStatus.FILED, CaseStatus.DISPATCHED,
            CaseStatus.IN_PROGRESS, CaseStatus.SUSPENDED, CaseStatus.HANDLED, CaseStatus.VERIFIED, CaseStatus.CLOSED);

    @GetMapping("/cases")
    String desk(@RequestParam(required = false) String status, Model model) {
        Actor actor = current.get();
        List<CaseStatus> statuses = status == null || status.isBlank() ? OPEN : List.of(CaseStatus.parse(status));
        List<CaseViews.CaseView> all = queries.list(actor, new CaseQueries.Filter(statuses, null, null, null, null, null,
                cases.now(), 500, 0)).stream().map(c -> views.of(actor, c)).toList();
        List<CaseViews.CaseView> mine = all.stream().filter(v -> !v.allowedActions().isEmpty()
                && !(v.allowedActions().size() == 1 && v.allowedActions().contains("escalate"))).toList();
        List<Map<String, Object>> points = new ArrayList<>();
        for (CaseViews.CaseView v : all) {
            if (!v.status().equals("closed") && !v.status().equals("evaluated") && !v.status().equals("rejected")) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", v.id());
                p.put("lat", v.lat());
                p.put("lon", v.lon());
                p.put("label", v.id() + " " + v.category().name() + " · " + v.statusName());
                p.put("left", v.workingHoursLeft());
                p.put("overdue", v.overdue());
                points.add(p);
            }
        }
        model.addAttribute("queue", mine);
        model.addAttribute("all", all);
        model.addAttribute("points", points);
        model.addAttribute("status", status);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("canReport", !CaseService.channelsOf(actor).isEmpty());
        model.addAttribute("roles", actor.roles().stream().map(Role::name).toList());
        return "cases/desk";
    }

    @GetMapping("/cases/{id:\\d+}")
    String page(@PathVariable long id, Model model) {
        Actor actor = current.get();
        CaseFile c = cases.find(id).filter(x -> CaseService.sees(actor, x))
                .orElseThrow(() -> org.megacity.platform.Problems.notFound("no case " + id));
        model.addAttribute("c", views.of(actor, c));
        model.addAttribute("history", store.history(id));
        model.addAttribute("when", new PageHelpers.Times(cases.calendar().zone()));
        model.addAttribute("departments", PageHelpers.departments(cases));
        return "cases/case";
    }

    @PostMapping("/cases/{id:\\d+}/actions/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String evidence, @RequestParam(required = false) String department,
            @RequestParam(required = false) Long into, @RequestParam(required = false) String extension,
            @RequestParam(required = false) Integer satisfaction, @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        try {
            cases.act(current.get(), id, action, new CaseService.ActionInput(reason, evidence, blank(department), into,
                    blank(extension), satisfaction, version));
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return "redirect:/cases/" + id;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * A form's idempotency key: a new one for a new form, the one sent back when the form is shown
     * again after an error (that attempt filed nothing, so the key is still free). A second click or
     * a browser's resend of the same form files no second case.
     */
    private static void intakeKey(Model model, String sent) {
        String key;
        try {
            key = IntakeKeys.checked("intakeKey", sent);
        } catch (ErrorResponseException malformed) {
            key = null; // a key tampered with: the form gets a good one
        }
        model.addAttribute("intakeKey", key != null ? key : UUID.randomUUID().toString());
    }

    @GetMapping("/cases/intake")
    String intake(Model model) {
        return intake(model, null);
    }

    private String intake(Model model, String key) {
        intakeKey(model, key);
        model.addAttribute("categories", cases.catalogue().categories());
        model.addAttribute("types", cases.catalogue().hotlineTypes());
        model.addAttribute("channels", CaseService.channelsOf(current.get()).stream().map(Channel::id).toList());
        return "cases/intake";
    }

    @PostMapping("/cases/intake")
    String report(@RequestParam(required = false) String channel, @RequestParam(required = false) String category,
            @RequestParam(required = false) String hotlineType, @RequestParam(required = false) String description,
            @RequestParam(required = false) String address, @RequestParam(required = false) Double lon,
            @RequestParam(required = false) Double lat, @RequestParam(required = false) String reporterName,
            @RequestParam(required = false) String reporterPhone, @RequestParam(required = false) String componentCode,
            @RequestParam(required = false) String intakeKey, Model model) {
        try {
            CaseFile c = cases.createOnce(current.get(), new CaseService.NewCase(channel == null ? null : Channel.parse(channel),
                    category, blank(hotlineType), null, description, address, lon, lat, blank(componentCode), null,
                    reporterName, reporterPhone, null), IntakeKeys.checked("intakeKey", intakeKey)).file();
            return "redirect:/cases/" + c.id;
        } catch (ErrorResponseException e) {
            model.addAttribute("problem", e.getBody().getDetail());
            return intake(model, e.getStatusCode().value() == 422 ? null : intakeKey);
        }
    }

    @GetMapping("/cases/kpis")
    String kpis() {
        return "cases/kpis";
    }

    // public

    @GetMapping("/report")
    String reportForm(Model model) {
        return reportForm(model, null);
    }

    private String reportForm(Model model, String key) {
        intakeKey(model, key);
        model.addAttribute("categories", cases.catalogue().categories());
        return "cases/report";
    }

    @PostMapping("/report")
    String publicReport(@RequestParam(required = false) String category, @RequestParam(required = false) String description,
            @RequestParam(required = false) Double lon, @RequestParam(required = false) Double lat,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String mediaUrl,
            @RequestParam(required = false) String intakeKey, Model model) {
        try {
            CaseFile c = cases.createOnce(Actor.SYSTEM, new CaseService.NewCase(Channel.CITIZEN, category, null, null,
                    description, null, lon, lat, null, "portal", null, phone, null, mediaUrl),
                    IntakeKeys.checked("intakeKey", intakeKey)).file();
            return "redirect:/track/" + c.token;
        } catch (ErrorResponseException e) {
            model.addAttribute("problem", e.getBody().getDetail());
            return reportForm(model, e.getStatusCode().value() == 422 ? null : intakeKey);
        }
    }

    @GetMapping("/track")
    String trackForm(@RequestParam(required = false) String token, Model model) {
        if (token == null || token.isBlank()) {
            return "cases/track";
        }
        String t = token.strip();
        // a token is base64url; anything else is no case (and must not reach a redirect's URL template or header)
        if (!t.matches("[A-Za-z0-9_-]{1,40}")) {
            model.addAttribute("problem", "?");
            return "cases/track";
        }
        return "redirect:/track/" + t;
    }

    @GetMapping("/track/{token}")
    String track(@PathVariable String token, Model model) {
        CaseFile c = cases.byToken(token).orElse(null);
        if (c == null) {
            model.addAttribute("problem", "?");
            return "cases/track";
        }
        CaseFile followed = c.mergedInto == null ? c : cases.find(c.mergedInto).orElse(c);
        Category category = cases.catalogue().category(c.category).orElse(null);
        model.addAttribute("t", new PageHelpers.TrackView(c.token, c.mergedInto, followed.status.id(),
                followed.status.nameZh(), followed.status.nameEn(), category == null ? c.category : category.name(),
                category == null ? c.category : category.nameEn()));
        model.addAttribute("when", new PageHelpers.Times(cases.calendar().zone()));
        model.addAttribute("history", store.history(followed.id).stream().map(h -> new PageHelpers.TrackEntry(h.at(),
                CaseStatus.valueOf(h.to()).nameZh(), CaseStatus.valueOf(h.to()).nameEn())).toList());
        return "cases/track";
    }
}

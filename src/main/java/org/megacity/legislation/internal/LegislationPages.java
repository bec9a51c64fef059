package org.megacity.legislation.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.Role;
import org.megacity.legislation.BillKind;
import org.megacity.legislation.PriorityArea;
import org.megacity.legislation.Stage;
import org.megacity.legislation.draft.DraftComparison;
import org.megacity.legislation.draft.DraftText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The legislation pages: the plan board by stage, a bill with its versions, stages and evidence, a
 * version's articles (each anchored by its {@code eId}), the side-by-side diff, and the public
 * pages of published drafts. Forms post here with the page's CSRF token; refusals are shown on the
 * page with the lines they name.
 */
@Controller
class LegislationPages {

    private final Bills bills;
    private final EvidencePanel evidence;
    private final CurrentActor actor;

    LegislationPages(Bills bills, EvidencePanel evidence, CurrentActor actor) {
        this.bills = bills;
        this.evidence = evidence;
        this.actor = actor;
    }

    /** A stage column of the board. */
    record Column(Stage stage, List<Bill> bills) {
    }

    @GetMapping("/legislation")
    String board(@RequestParam(required = false) String plan, Model model) {
        List<Plan> plans = bills.plans();
        Optional<Plan> shown = plan == null ? plans.stream().findFirst()
                : plans.stream().filter(p -> p.id().equals(plan)).findFirst();
        List<Bill> items = shown.map(p -> bills.bills(p.id())).orElse(List.of());
        List<Bill> outside = bills.bills(null).stream().filter(b -> b.planId() == null).toList();
        List<Column> columns = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            List<Bill> in = new ArrayList<>(items.stream().filter(b -> b.stage() == stage).toList());
            in.addAll(outside.stream().filter(b -> b.stage() == stage).toList());
            if (!in.isEmpty() || stage.ordinal() <= Stage.ADOPTED.ordinal()) {
                columns.add(new Column(stage, in));
            }
        }
        model.addAttribute("plans", plans);
        model.addAttribute("plan", shown.orElse(null));
        model.addAttribute("columns", columns);
        model.addAttribute("areas", PriorityArea.values());
        model.addAttribute("kinds", BillKind.values());
        model.addAttribute("staff", staff());
        model.addAttribute("english", english());
        return "legislation/board";
    }

    @PostMapping("/legislation/bills")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    String introduce(@RequestParam String text, @RequestParam(required = false) String area,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String plan,
            @RequestParam(required = false) String title, Model model, RedirectAttributes redirect) {
        try {
            var details = new Bills.Details(blank(title), area == null || area.isBlank() ? null : PriorityArea.parse(area),
                    kind == null || kind.isBlank() ? null : BillKind.parse(kind), null, null, null, null, blank(plan), null,
                    null);
            String format = text.contains("<!-- INFO END -->") || text.stripLeading().startsWith("# ") ? "markdown" : "plain";
            var introduced = bills.introduce(text, format, details);
            return "redirect:/legislation/bills/" + introduced.bill().id();
        } catch (ErrorResponseException | IllegalArgumentException e) {
            model.addAttribute("importText", text);
            refused(model, e);
            return board(blank(plan), model);
        }
    }

    @GetMapping("/legislation/bills/{id}")
    String bill(@PathVariable String id, Model model) {
        Bill bill = bills.bill(id);
        List<VersionSummary> versions = bills.versions(id);
        model.addAttribute("bill", bill);
        model.addAttribute("history", bills.history(id));
        model.addAttribute("versions", versions);
        model.addAttribute("allowed", bill.stage().next());
        model.addAttribute("staff", staff());
        model.addAttribute("readsDrafts", Bills.mayReadDrafts(actor.get()));
        model.addAttribute("english", english());
        model.addAttribute("today", bills.today());
        if (!model.containsAttribute("versionText") && !versions.isEmpty() && staff()) {
            model.addAttribute("versionText", DraftText.plain(bills.version(id, versions.getLast().version()).draft()));
        }
        var panel = evidence.of(bill.area(), YearMonth.now(Bills.CHINA));
        model.addAttribute("evidence", panel);
        return "legislation/bill";
    }

    @PostMapping("/legislation/bills/{id}/versions")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    String addVersion(@PathVariable String id, @RequestParam String text, @RequestParam(required = false) String label,
            Model model) {
        try {
            var added = bills.addVersion(id, text, text.contains("<!-- INFO END -->") ? "markdown" : "plain", blank(label));
            int version = added.version().version();
            return "redirect:/legislation/bills/" + id + "/diff?from=" + (version - 1) + "&to=" + version;
        } catch (ErrorResponseException e) {
            model.addAttribute("versionText", text);
            refused(model, e);
            return bill(id, model);
        }
    }

    @PostMapping("/legislation/bills/{id}/transitions")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    String move(@PathVariable String id, @RequestParam String to, @RequestParam(required = false) String on,
            @RequestParam(required = false) String note, Model model) {
        try {
            LocalDate date = on == null || on.isBlank() ? null : LocalDate.parse(on);
            bills.move(id, to, date, blank(note));
            return "redirect:/legislation/bills/" + id;
        } catch (ErrorResponseException | DateTimeParseException e) {
            refused(model, e);
            return bill(id, model);
        }
    }

    @PostMapping("/legislation/bills/{id}/versions/{version}/publication")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    String publish(@PathVariable String id, @PathVariable int version) {
        bills.publish(id, version);
        return "redirect:/legislation/bills/" + id;
    }

    @GetMapping("/legislation/bills/{id}/versions/{version}")
    String version(@PathVariable String id, @PathVariable int version, Model model) {
        StoredVersion stored = bills.version(id, version);
        model.addAttribute("bill", bills.bill(id));
        model.addAttribute("version", stored);
        model.addAttribute("structure", LegislationApi.structure(stored));
        model.addAttribute("publicView", false);
        model.addAttribute("english", english());
        return "legislation/version";
    }

    @GetMapping("/legislation/bills/{id}/diff")
    String diff(@PathVariable String id, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, @RequestParam(defaultValue = "false") boolean all, Model model) {
        int last = bills.versionCount(id);
        int right = to == null ? last : to;
        int left = from == null ? right - 1 : from;
        if (left < 1 || right < 1 || left > last || right > last) {
            throw org.megacity.platform.Problems.notFound("bill " + id + " has versions 1 to " + last);
        }
        DraftComparison comparison = bills.compare(id, left, right);
        model.addAttribute("bill", bills.bill(id));
        model.addAttribute("from", left);
        model.addAttribute("to", right);
        model.addAttribute("all", all);
        model.addAttribute("comparison", comparison);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (var kind : org.megacity.legislation.draft.ArticleChange.Kind.values()) {
            counts.put(kind.name().toLowerCase(), comparison.count(kind));
        }
        model.addAttribute("counts", counts);
        model.addAttribute("changes", all ? comparison.changes() : comparison.changes().stream()
                .filter(c -> c.kind() != org.megacity.legislation.draft.ArticleChange.Kind.UNCHANGED).toList());
        model.addAttribute("versions", bills.versions(id));
        model.addAttribute("english", english());
        return "legislation/diff";
    }

    // public pages (no sign-in): published drafts only

    @GetMapping("/legislation/public")
    String publicDrafts(Model model) {
        List<VersionSummary> published = new ArrayList<>(bills.publishedVersions());
        published.sort(Comparator.comparing(VersionSummary::publishedAt).reversed());
        model.addAttribute("drafts", published);
        model.addAttribute("english", english());
        return "legislation/public";
    }

    @GetMapping("/legislation/public/bills/{id}/versions/{version}")
    String publicVersion(@PathVariable String id, @PathVariable int version, Model model) {
        StoredVersion stored = bills.publishedVersion(id, version);
        model.addAttribute("bill", bills.bill(id));
        model.addAttribute("version", stored);
        model.addAttribute("structure", LegislationApi.structure(stored));
        model.addAttribute("publicView", true);
        model.addAttribute("english", english());
        return "legislation/version";
    }

    private void refused(Model model, Exception e) {
        if (e instanceof ErrorResponseException error) {
            model.addAttribute("problem", error.getBody().getDetail());
            Map<String, Object> properties = error.getBody().getProperties();
            model.addAttribute("problemLines", properties == null ? List.of() : properties.getOrDefault("errors", List.of()));
        } else {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("problemLines", List.of());
        }
    }

    private boolean staff() {
        return actor.get().has(Role.LEGISLATIVE_STAFF);
    }

    private static boolean english() {
        return "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

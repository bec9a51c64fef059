package org.megacity.participation.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.Role;
import org.megacity.legislation.DraftVersion;
import org.megacity.legislation.DraftVersions;
import org.megacity.participation.Channel;
import org.megacity.participation.Outcome;
import org.megacity.platform.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The participation pages. Public (no sign-in): consultations, a draft article by article with a
 * comment form on each paragraph, following one's opinions by token, published feedback reports.
 * Staff: opening consultations, contact points, the opinion table with filters, moderation,
 * dispositions in bulk, letters and departments' opinions, report publication; contact-point staff:
 * the meeting form. Forms post with the page's CSRF token; refusals show on the page.
 */
@Controller
class ParticipationPages {

    private final Participation participation;
    private final FeedbackReports reports;
    private final DraftVersions drafts;
    private final CurrentActor actor;

    ParticipationPages(Participation participation, FeedbackReports reports, DraftVersions drafts, CurrentActor actor) {
        this.participation = participation;
        this.reports = reports;
        this.drafts = drafts;
        this.actor = actor;
    }

    /** The opinion table shows at most this many rows; filters narrow it down. */
    static final int TABLE_ROWS = 500;

    /** A consultation in a list, with its state. */
    record Listed(Consultation consultation, Consultation.State state) {
    }

    /** An article and its paragraphs, items and sub-items, for reading article by article. */
    record ArticleBlock(DraftVersion.Element article, List<Part> parts, boolean inScope, List<String> headings) {
    }

    /** A paragraph, item or sub-item and the words shown for it (a paragraph's lead without its items). */
    record Part(DraftVersion.Element element, String shown) {
    }

    private static List<Part> parts(List<DraftVersion.Element> elements) {
        List<Part> out = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            DraftVersion.Element e = elements.get(i);
            String shown = e.text();
            if (e.kind().equals("paragraph")) {
                int items = 0;
                for (int j = i + 1; j < elements.size() && !elements.get(j).kind().equals("paragraph"); j++) {
                    items++;
                }
                String[] lines = e.text().split("\n", -1);
                shown = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, Math.max(0, lines.length - items)));
            }
            out.add(new Part(e, shown));
        }
        return out;
    }

    static List<ArticleBlock> articles(DraftVersion version, Consultation c) {
        java.util.Map<String, String> divisions = new java.util.HashMap<>();
        for (var d : version.draft().divisions()) {
            divisions.put(d.eId(), (d.num() + " " + d.heading()).strip());
        }
        java.util.Set<String> shown = new java.util.HashSet<>();
        List<ArticleBlock> out = new ArrayList<>();
        DraftVersion.Element current = null;
        List<DraftVersion.Element> parts = new ArrayList<>();
        for (DraftVersion.Element e : version.elements()) {
            if (e.kind().equals("article")) {
                if (current != null) {
                    out.add(block(current, parts, c, divisions, shown));
                }
                current = e;
                parts.clear();
            } else {
                parts.add(e);
            }
        }
        if (current != null) {
            out.add(block(current, parts, c, divisions, shown));
        }
        return out;
    }

    /** The article with the headings of the divisions it opens (chapter, section, …), each shown once. */
    private static ArticleBlock block(DraftVersion.Element article, List<DraftVersion.Element> parts, Consultation c,
            java.util.Map<String, String> divisions, java.util.Set<String> shown) {
        List<String> headings = new ArrayList<>();
        String[] path = article.eId().split("__");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < path.length - 1; i++) {
            prefix.append(i == 0 ? "" : "__").append(path[i]);
            String id = prefix.toString();
            if (divisions.containsKey(id) && shown.add(id)) {
                headings.add(divisions.get(id));
            }
        }
        return new ArticleBlock(article, parts(parts), c.wholeBill() || c.scope().contains(article.wId()), headings);
    }

    // public pages

    @GetMapping("/participation/public")
    String publicList(Model model) {
        Instant now = participation.now();
        model.addAttribute("consultations", participation.consultations().stream()
                .map(c -> new Listed(c, c.state(now))).filter(l -> l.state() != Consultation.State.SCHEDULED).toList());
        common(model);
        return "participation/public";
    }

    @GetMapping("/participation/public/consultations/{id}")
    String draft(@PathVariable String id, Model model) {
        Consultation c = participation.consultation(id);
        DraftVersion version = participation.version(c);
        model.addAttribute("consultation", c);
        model.addAttribute("state", c.state(participation.now()));
        model.addAttribute("version", version);
        model.addAttribute("articles", articles(version, c));
        Actor who = actor.get();
        model.addAttribute("signedIn", who.authenticated());
        model.addAttribute("mayComment", who.authenticated() || participation.settings().anonymousOpinions());
        List<Channel> channels = new ArrayList<>(List.of(Channel.ONLINE));
        if (who.has(Role.DEPUTY)) {
            channels.add(Channel.DEPUTY);
        }
        if (who.has(Role.EXPERT)) {
            channels.add(Channel.EXPERT);
        }
        model.addAttribute("channels", channels);
        common(model);
        return "participation/draft";
    }

    @PostMapping("/participation/public/consultations/{id}/opinions")
    String comment(@PathVariable String id, @RequestParam(required = false) String elementId,
            @RequestParam(required = false) String text, @RequestParam(required = false) String name,
            @RequestParam(required = false) String channel, Model model, HttpServletRequest request) {
        try {
            var submitted = participation.submit(id, new Participation.Submission(blank(elementId), text,
                    channel == null || channel.isBlank() ? "online" : channel, blank(name), null, null, null, null, null),
                    request.getRemoteAddr());
            model.addAttribute("submitted", submitted.opinion());
            model.addAttribute("token", submitted.token());
            model.addAttribute("consultation", participation.consultation(id));
            common(model);
            return "participation/thanks";
        } catch (ErrorResponseException e) {
            refused(model, e);
            model.addAttribute("draftText", text);
            model.addAttribute("draftElement", elementId);
            return draft(id, model);
        }
    }

    @GetMapping("/participation/public/lookup")
    String lookupForm(Model model) {
        model.addAttribute("found", null);
        common(model);
        return "participation/lookup";
    }

    @PostMapping("/participation/public/lookup")
    String lookup(@RequestParam(required = false) String token, Model model) {
        var found = participation.byToken(token);
        model.addAttribute("found", found.map(this::contributor).orElse(null));
        model.addAttribute("notFound", found.isEmpty());
        common(model);
        return "participation/lookup";
    }

    @GetMapping("/participation/public/consultations/{id}/report")
    String report(@PathVariable String id, Model model) {
        Consultation c = participation.consultation(id);
        if (c.reportPublishedAt() == null && !actor.get().has(Role.LEGISLATIVE_STAFF)) {
            throw Problems.notFound("the feedback report of consultation " + id + " is not published");
        }
        model.addAttribute("consultation", c);
        model.addAttribute("report", reports.of(id));
        common(model);
        return "participation/report";
    }

    // signed in

    @GetMapping("/participation/my")
    String mine(Model model) {
        model.addAttribute("opinions", participation.ofCurrentAccount().stream().map(this::contributor).toList());
        common(model);
        return "participation/my";
    }

    @GetMapping("/participation")
    String index(Model model) {
        Instant now = participation.now();
        model.addAttribute("consultations", participation.consultations().stream().map(c -> new Listed(c, c.state(now)))
                .toList());
        model.addAttribute("published", drafts.published());
        model.addAttribute("contactPoints", actor.get().has(Role.LEGISLATIVE_STAFF) ? participation.contactPoints()
                : participation.myContactPoints());
        model.addAttribute("today", participation.today());
        model.addAttribute("closes", participation.today().plusDays(participation.settings().minimumDays()));
        model.addAttribute("staff", actor.get().has(Role.LEGISLATIVE_STAFF));
        model.addAttribute("pointStaff", actor.get().has(Role.CONTACT_POINT_STAFF));
        common(model);
        return "participation/index";
    }

    @PostMapping("/participation/consultations")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    String open(@RequestParam String draft, @RequestParam(required = false) String opensOn,
            @RequestParam(required = false) String closesOn, @RequestParam(required = false) String articles,
            @RequestParam(required = false) String overrideReason, Model model) {
        try {
            int colon = draft.lastIndexOf(':');
            if (colon < 0) {
                throw Problems.invalid("draft", "choose a published draft");
            }
            List<String> scope = articles == null || articles.isBlank() ? null
                    : List.of(articles.strip().split("[\\s,，、]+"));
            Instant opens = Views.instant("opensAt", opensOn);
            if (opens != null && LocalDate.ofInstant(opens, Participation.CHINA).equals(participation.today())) {
                opens = participation.now();
            }
            Consultation c = participation.open(new Participation.Opening(draft.substring(0, colon),
                    Integer.valueOf(draft.substring(colon + 1)), opens, closesOn != null && closesOn.strip().length() == 10
                            ? Views.date("closesAt", closesOn.strip()).plusDays(1).atStartOfDay(Participation.CHINA).toInstant()
                            : Views.instant("closesAt", closesOn), scope,
                    blank(overrideReason)));
            return "redirect:/participation/consultations/" + c.id();
        } catch (ErrorResponseException | NumberFormatException e) {
            refused(model, e);
            return index(model);
        }
    }

    @PostMapping("/participation/contact-points")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    String contactPoint(@RequestParam String name, @RequestParam(required = false) String place,
            @RequestParam(required = false) String staff, Model model) {
        try {
            participation.createContactPoint(name, blank(place), staff == null || staff.isBlank() ? List.of()
                    : List.of(staff.strip().split("[\\s,，、]+")));
            return "redirect:/participation";
        } catch (ErrorResponseException e) {
            refused(model, e);
            return index(model);
        }
    }

    @GetMapping("/participation/consultations/{id}")
    String consultation(@PathVariable String id, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String status, @RequestParam(required = false) String element,
            @RequestParam(required = false) String q, Model model) {
        Consultation c = participation.consultation(id);
        Actor who = actor.get();
        model.addAttribute("consultation", c);
        model.addAttribute("state", c.state(participation.now()));
        model.addAttribute("version", participation.version(c));
        model.addAttribute("staff", who.has(Role.LEGISLATIVE_STAFF));
        model.addAttribute("pointStaff", who.has(Role.CONTACT_POINT_STAFF));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("filter", Map.of("channel", nz(channel), "status", nz(status), "element", nz(element),
                "q", nz(q)));
        model.addAttribute("meetings", participation.meetings(id));
        model.addAttribute("reviews", who.has(Role.LEGISLATIVE_STAFF) || who.has(Role.EXPERT)
                ? participation.reviewRequests(id) : List.of());
        model.addAttribute("expert", who.has(Role.EXPERT));
        model.addAttribute("today", participation.today());
        if (who.has(Role.LEGISLATIVE_STAFF)) {
            ParticipationApi.Table table;
            try {
                table = ParticipationApi.table(participation, who, id, blank(channel), blank(element), blank(status),
                        blank(q), 0, TABLE_ROWS);
            } catch (ErrorResponseException e) {
                refused(model, e);
                table = new ParticipationApi.Table(0, List.of());
            }
            model.addAttribute("total", table.total());
            model.addAttribute("opinions", table.rows());
            model.addAttribute("report", reports.of(id));
        }
        common(model);
        return "participation/consultation";
    }

    @PostMapping("/participation/consultations/{id}/dispositions")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    String dispose(@PathVariable String id, @RequestParam(required = false) List<String> opinionIds,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String referredTo, @RequestParam(required = false) String changeVersion,
            @RequestParam(required = false) String changeElementId, @RequestParam(required = false) String groupLabel,
            Model model) {
        try {
            Integer later = changeVersion == null || changeVersion.isBlank() ? null : Integer.valueOf(changeVersion.strip());
            participation.dispose(id, opinionIds, new Participation.Deciding(outcome, blank(reason), blank(referredTo),
                    later, blank(changeElementId), blank(groupLabel)));
            return "redirect:/participation/consultations/" + id;
        } catch (ErrorResponseException | NumberFormatException e) {
            refused(model, e);
            return consultation(id, null, null, null, null, model);
        }
    }

    @PostMapping("/participation/consultations/{id}/opinions/{opinionId}/hiding")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    String hide(@PathVariable String id, @PathVariable String opinionId, @RequestParam(required = false) String reason,
            Model model) {
        try {
            participation.hide(id, opinionId, reason);
            return "redirect:/participation/consultations/" + id;
        } catch (ErrorResponseException e) {
            refused(model, e);
            return consultation(id, null, null, null, null, model);
        }
    }

    @PostMapping("/participation/consultations/{id}/review-requests")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    String requestReview(@PathVariable String id, @RequestParam(required = false) String expert,
            @RequestParam(required = false) String organisation, @RequestParam(required = false) String dueOn,
            @RequestParam(required = false) String note, Model model) {
        try {
            participation.requestReview(id, expert, blank(organisation), Views.date("dueOn", dueOn), blank(note));
            return "redirect:/participation/consultations/" + id;
        } catch (ErrorResponseException e) {
            refused(model, e);
            return consultation(id, null, null, null, null, model);
        }
    }

    /** A letter or a department's opinion, entered by legislative staff. */
    @PostMapping("/participation/consultations/{id}/entries")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    String enter(@PathVariable String id, @RequestParam String channel, @RequestParam(required = false) String elementId,
            @RequestParam(required = false) String text, @RequestParam(required = false) String name,
            @RequestParam(required = false) String contact, @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String receivedOn, Model model, HttpServletRequest request) {
        try {
            if (!channel.equals("letter") && !channel.equals("department")) {
                throw Problems.invalid("channel", "staff enter letters and departments' opinions here");
            }
            participation.submit(id, new Participation.Submission(blank(elementId), text, channel, blank(name),
                    blank(contact), blank(organisation), null, null, Views.date("receivedOn", receivedOn)),
                    request.getRemoteAddr());
            return "redirect:/participation/consultations/" + id;
        } catch (ErrorResponseException e) {
            refused(model, e);
            return consultation(id, null, null, null, null, model);
        }
    }

    @PostMapping("/participation/consultations/{id}/report/publication")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    String publish(@PathVariable String id, Model model) {
        try {
            participation.publishReport(id);
            return "redirect:/participation/public/consultations/" + id + "/report";
        } catch (ErrorResponseException e) {
            refused(model, e);
            return consultation(id, null, null, null, null, model);
        }
    }

    @GetMapping("/participation/consultations/{id}/meeting")
    @PreAuthorize("hasRole('CONTACT_POINT_STAFF')")
    String meetingForm(@PathVariable String id, Model model) {
        Consultation c = participation.consultation(id);
        model.addAttribute("consultation", c);
        model.addAttribute("state", c.state(participation.now()));
        model.addAttribute("elements", participation.version(c).elements().stream()
                .filter(e -> e.kind().equals("article") || e.kind().equals("paragraph"))
                .filter(e -> c.wholeBill() || c.scope().contains(e.articleWId())).toList());
        model.addAttribute("points", participation.myContactPoints());
        model.addAttribute("today", participation.today());
        if (!model.containsAttribute("rows")) {
            model.addAttribute("rows", List.of(0, 1, 2, 3, 4));
        }
        common(model);
        return "participation/meeting";
    }

    @PostMapping("/participation/consultations/{id}/meetings")
    @PreAuthorize("hasRole('CONTACT_POINT_STAFF')")
    String meeting(@PathVariable String id, @RequestParam(required = false) String contactPointId,
            @RequestParam(required = false) String heldOn, @RequestParam(required = false) String place,
            @RequestParam(required = false) String participants, @RequestParam(required = false) String participantKinds,
            @RequestParam(name = "elementId", required = false) List<String> elementIds,
            @RequestParam(name = "text", required = false) List<String> texts,
            @RequestParam(name = "speaker", required = false) List<String> speakers, Model model) {
        try {
            List<Participation.Spoken> spoken = new ArrayList<>();
            for (int i = 0; texts != null && i < texts.size(); i++) {
                if (texts.get(i) != null && !texts.get(i).isBlank()) {
                    spoken.add(new Participation.Spoken(blank(at(elementIds, i)), texts.get(i), blank(at(speakers, i))));
                }
            }
            Integer count;
            try {
                count = participants == null || participants.isBlank() ? null : Integer.valueOf(participants.strip());
            } catch (NumberFormatException e) {
                throw Problems.invalid("participants", "participants is a number");
            }
            var recorded = participation.recordMeeting(id, blank(contactPointId), Views.date("heldOn", heldOn), place,
                    count, participantKinds, spoken);
            model.addAttribute("recorded", recorded);
            model.addAttribute("consultation", participation.consultation(id));
            common(model);
            return "participation/recorded";
        } catch (ErrorResponseException e) {
            refused(model, e);
            return meetingForm(id, model);
        }
    }

    // helpers

    private Views.ContributorView contributor(Opinion o) {
        return Views.contributor(o, participation.consultation(o.consultationId()),
                participation.disposition(o.dispositionId()).orElse(null));
    }

    private void common(Model model) {
        model.addAttribute("english", "en".equals(LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("signedIn", actor.get().authenticated());
        model.addAttribute("dates", PageDates.INSTANCE);
        if (!model.containsAttribute("problem")) {
            model.addAttribute("problem", null);
        }
    }

    private static void refused(Model model, Exception e) {
        if (e instanceof ErrorResponseException error) {
            model.addAttribute("problem", error.getBody().getDetail());
            Map<String, Object> properties = error.getBody().getProperties();
            model.addAttribute("problemLines", properties == null ? List.of() : properties.getOrDefault("errors", List.of()));
        } else {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("problemLines", List.of());
        }
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}

package org.megacity.representatives.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.Role;
import org.megacity.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The representatives API: the registry (legislative staff write; signed-in accounts read, contact
 * data masked), suggestions and their actions, reminders, and the public handling report.
 */
@RestController
@RequestMapping("/api/v1/representatives")
class RepresentativesApi {

    private final Registry registry;
    private final Suggestions suggestions;
    private final CurrentActor current;
    private final Referrals referrals;

    RepresentativesApi(Registry registry, Suggestions suggestions, CurrentActor current, Referrals referrals) {
        this.registry = registry;
        this.suggestions = suggestions;
        this.current = current;
        this.referrals = referrals;
    }

    // referrals into cases

    record ReferralRequest(String category, Double lon, Double lat, String description, String constituentName,
            String constituentPhone) {
    }

    @PostMapping("/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DEPUTY')")
    Referrals.Referral refer(@RequestBody ReferralRequest in) {
        return referrals.refer(current.get(), in.category(), in.lon(), in.lat(), in.description(), in.constituentName(),
                in.constituentPhone());
    }

    /** The deputy's referrals with their cases' current status. */
    @GetMapping("/referrals")
    @PreAuthorize("hasRole('DEPUTY')")
    List<Referrals.Referral> myReferrals() {
        return referrals.of(me().id());
    }

    // registry

    record DeputyRequest(String name, String level, String constituency, String delegation, String phone, String email,
            String username) {
    }

    record StationRequest(String name, String divisionCode, String address, Double lon, Double lat) {
    }

    record DutyRequest(String date, String deputyId) {
    }

    record PointRequest(String name, String level, String divisionCode, String address, Double lon, Double lat,
            List<String> staff) {
    }

    record ActivityRequest(Integer meetingsHeld, Integer opinionsSubmitted, Integer draftsConsulted) {
    }

    @PostMapping("/deputies")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    Registry.Deputy addDeputy(@RequestBody DeputyRequest in) {
        return Registry.present(current.get(), registry.addDeputy(in.name(), in.level(), in.constituency(),
                in.delegation(), in.phone(), in.email(), in.username()));
    }

    @GetMapping("/deputies")
    @PreAuthorize("isAuthenticated()")
    List<Registry.Deputy> deputies(@RequestParam(required = false) String constituency) {
        Actor actor = current.get();
        return registry.deputies(constituency).stream().map(d -> Registry.present(actor, d)).toList();
    }

    @GetMapping("/deputies/me")
    @PreAuthorize("hasRole('DEPUTY')")
    Registry.Deputy me() {
        Actor actor = current.get();
        return registry.deputyOf(actor.username()).orElseThrow(() ->
                Problems.notFound("account " + actor.username() + " is not bound to a deputy"));
    }

    @PostMapping("/stations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    Registry.Station addStation(@RequestBody StationRequest in) {
        return registry.addStation(in.name(), in.divisionCode(), in.address(), in.lon(), in.lat());
    }

    @GetMapping("/stations")
    List<Registry.Station> stations() {
        return registry.stations();
    }

    @PostMapping("/stations/{id}/duty")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    List<Registry.Deputy> putOnDuty(@PathVariable String id, @RequestBody DutyRequest in) {
        LocalDate date = date(in.date());
        registry.putOnDuty(id, date, in.deputyId());
        return duty(id, in.date());
    }

    /** Who is on duty at a station on a day (public: residents look for a deputy to meet; contact data masked). */
    @GetMapping("/stations/{id}/duty")
    List<Registry.Deputy> duty(@PathVariable String id, @RequestParam String date) {
        Actor actor = current.get();
        return registry.onDuty(id, date(date)).stream().map(d -> Registry.present(actor, d)).toList();
    }

    @PostMapping("/contact-points")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    Registry.ContactPoint addPoint(@RequestBody PointRequest in) {
        return registry.addContactPoint(in.name(), in.level(), in.divisionCode(), in.address(), in.lon(), in.lat(),
                in.staff());
    }

    @GetMapping("/contact-points")
    List<Registry.ContactPoint> points() {
        return registry.contactPoints();
    }

    @PostMapping("/contact-points/{id}/activity")
    @PreAuthorize("hasAnyRole('LEGISLATIVE_STAFF', 'CONTACT_POINT_STAFF')")
    Registry.ContactPoint activity(@PathVariable String id, @RequestBody ActivityRequest in) {
        return registry.recordActivity(current.get(), id, n(in.meetingsHeld()), n(in.opinionsSubmitted()),
                n(in.draftsConsulted()));
    }

    // suggestions

    record DeadlineView(String kind, String unit, Instant dueAt, Instant doneAt, boolean pending, boolean overdue,
            Instant remindedAt) {
    }

    record SuggestionView(String id, long number, String title, String body, String topic, boolean duringSession,
            String deputyId, String deputyName, List<String> cosigners, String proposedUnit, String leadUnit,
            List<String> coUnits, boolean hard, String state, String replyCategory, LocalDate plannedDate,
            String evaluation, boolean contacted, boolean rehandled, boolean fulfilled, int version,
            Instant submittedAt, Instant assignedAt, Instant returnWindowEnds, boolean overdue,
            List<DeadlineView> pendingDeadlines, List<DeadlineView> deadlines, List<Suggestions.Event> history,
            List<String> allowedActions) {
    }

    record SuggestionSummary(String id, long number, String title, String topic, String deputyName, String leadUnit,
            List<String> coUnits, String state, int version, boolean overdue, Instant nextDue, String nextKind) {
    }

    @PostMapping("/suggestions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DEPUTY')")
    SuggestionView submit(@RequestBody Suggestions.Submission in) {
        Actor actor = current.get();
        return view(actor, suggestions.submit(actor, in));
    }

    @PostMapping("/suggestions/{id}/actions/{action}")
    @PreAuthorize("isAuthenticated()")
    SuggestionView act(@PathVariable String id, @PathVariable String action,
            @RequestBody(required = false) Suggestions.ActionInput in) {
        Actor actor = current.get();
        Suggestions.Suggestion s = suggestions.find(id).orElseThrow(() -> Problems.notFound("no suggestion " + id));
        if (!sees(actor, s)) {
            throw Problems.forbidden("wrong-unit: suggestion " + s.number + " is neither the actor's own nor led or"
                    + " co-handled by the actor's department");
        }
        return view(actor, suggestions.act(actor, id, action, in));
    }

    @GetMapping("/suggestions/{id}")
    @PreAuthorize("isAuthenticated()")
    SuggestionView get(@PathVariable String id) {
        Actor actor = current.get();
        Suggestions.Suggestion s = suggestions.find(id).filter(x -> sees(actor, x))
                .orElseThrow(() -> Problems.notFound("no suggestion " + id));
        return view(actor, s);
    }

    @GetMapping("/suggestions")
    @PreAuthorize("isAuthenticated()")
    List<SuggestionSummary> list(@RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String state) {
        Actor actor = current.get();
        Instant now = suggestions.now();
        Set<String> late = suggestions.overdueIds(now);
        return suggestions.all().stream().filter(s -> sees(actor, s))
                .filter(s -> overdue == null || overdue == late.contains(s.id))
                .filter(s -> state == null || s.state.name().equalsIgnoreCase(state))
                .map(s -> {
                    Suggestions.Deadline next = suggestions.deadlines(s.id).stream()
                            .filter(Suggestions.Deadline::pending).findFirst().orElse(null);
                    return new SuggestionSummary(s.id, s.number, s.title, s.topic, deputyName(s.deputyId), s.leadUnit,
                            s.coUnits, s.state.name(), s.version, late.contains(s.id),
                            next == null ? null : next.dueAt(), next == null ? null : next.kind());
                }).toList();
    }

    /** Deadlines coming up (marked by the reminder job) or past due, visible to the actor. */
    @GetMapping("/reminders")
    @PreAuthorize("isAuthenticated()")
    List<Map<String, Object>> reminders() {
        Actor actor = current.get();
        return suggestions.reminders().stream().filter(r -> suggestions.find((String) r.get("suggestionId"))
                .filter(s -> sees(actor, s)).isPresent()).toList();
    }

    /** The public handling report per unit. */
    @GetMapping("/reports/units")
    List<Map<String, Object>> report() {
        return suggestions.report();
    }

    SuggestionView view(Actor actor, Suggestions.Suggestion s) {
        Instant now = suggestions.now();
        List<DeadlineView> all = suggestions.deadlines(s.id).stream()
                .map(d -> new DeadlineView(d.kind(), d.unit(), d.dueAt(), d.doneAt(), d.pending(),
                        d.pending() && d.dueAt().isBefore(now), d.remindedAt()))
                .toList();
        List<DeadlineView> pending = all.stream().filter(DeadlineView::pending).toList();
        return new SuggestionView(s.id, s.number, s.title, s.body, s.topic, s.duringSession, s.deputyId,
                deputyName(s.deputyId), s.cosigners, s.proposedUnit, s.leadUnit, s.coUnits, s.hard, s.state.name(),
                s.category == null ? null : s.category.name(), s.plannedDate,
                s.evaluation == null ? null : s.evaluation.name(), s.contacted, s.rehandled, s.fulfilled, s.version,
                s.submittedAt, s.assignedAt,
                s.assignedAt == null || s.state != Suggestions.State.ASSIGNED ? null : suggestions.returnBy(s.assignedAt),
                pending.stream().anyMatch(DeadlineView::overdue), pending, all, suggestions.history(s.id),
                allowed(actor, s));
    }

    /** The actions the actor may try in the suggestion's state (the service checks again). */
    static List<String> allowed(Actor actor, Suggestions.Suggestion s) {
        boolean staff = actor.has(Role.LEGISLATIVE_STAFF);
        boolean lead = actor.has(Role.DEPARTMENT_HANDLER) && s.leadUnit != null
                && actor.jurisdiction().coversDepartment(s.leadUnit);
        boolean co = actor.has(Role.DEPARTMENT_HANDLER) && s.coUnits.stream().anyMatch(u -> actor.jurisdiction().coversDepartment(u));
        return switch (s.state) {
            case SUBMITTED, RETURNED -> staff ? List.of("assign") : List.of();
            case ASSIGNED -> {
                List<String> a = new java.util.ArrayList<>();
                if (lead) {
                    a.add("return");
                    a.add(s.contacted ? "reply" : "contact");
                }
                if (co) {
                    a.add("co-view");
                }
                yield a;
            }
            case REHANDLING -> lead ? List.of("contact", "reply") : List.of();
            case REPLIED -> actor.has(Role.DEPUTY) ? List.of("evaluate") : List.of();
            case UNSATISFIED -> staff ? List.of("request-rehandling", "close") : List.of();
            case COMMITTED -> lead ? List.of("fulfil") : List.of();
            case CLOSED -> List.of();
        };
    }

    /** Staff and supervisors see all; a deputy their own and co-signed ones; a handler those of their units. */
    boolean sees(Actor actor, Suggestions.Suggestion s) {
        if (actor.has(Role.LEGISLATIVE_STAFF) || actor.has(Role.SUPERVISOR) || actor.equals(Actor.SYSTEM)) {
            return true;
        }
        if (actor.has(Role.DEPUTY)) {
            String me = registry.deputyOf(actor.username()).map(Registry.Deputy::id).orElse(null);
            if (me != null && (me.equals(s.deputyId) || s.cosigners.contains(me))) {
                return true;
            }
        }
        if (actor.has(Role.DEPARTMENT_HANDLER)) {
            if (s.leadUnit != null && actor.jurisdiction().coversDepartment(s.leadUnit)) {
                return true;
            }
            return s.coUnits.stream().anyMatch(u -> actor.jurisdiction().coversDepartment(u));
        }
        return false;
    }

    private String deputyName(String id) {
        return registry.deputy(id).map(Registry.Deputy::name).orElse(null);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            throw Problems.invalid("date", "a date yyyy-MM-dd");
        }
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }
}

package org.megacity.participation.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.Role;
import org.megacity.legislation.DraftVersion;
import org.megacity.participation.Channel;
import org.megacity.platform.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The participation API. Legislative staff open consultations, record letters and dispositions,
 * moderate and publish reports; contact-point staff record meetings for their own point; deputies,
 * experts and departments give their opinions; anyone (signed in, or anonymously where the city
 * allows) gives an online opinion and looks up its disposition with the token it received.
 */
@RestController
@RequestMapping("/api/v1/participation")
class ParticipationApi {

    private final Participation participation;
    private final FeedbackReports reports;
    private final CurrentActor actor;

    ParticipationApi(Participation participation, FeedbackReports reports, CurrentActor actor) {
        this.participation = participation;
        this.reports = reports;
        this.actor = actor;
    }

    record ScopeRequest(String kind, List<String> articles) {
    }

    record ConsultationRequest(String billId, Integer version, String opensAt, String closesAt, ScopeRequest scope,
            String overrideReason) {
    }

    record OpinionRequest(String elementId, String text, String channel, String name, String contact,
            String organisation, String meetingId, String reviewRequestId, String receivedOn) {
    }

    record SpokenRequest(String elementId, String text, String name) {
    }

    record MeetingRequest(String contactPointId, String heldOn, String place, Integer participants,
            String participantKinds, List<SpokenRequest> opinions) {
    }

    record MeetingView(String id, String contactPointId, String heldOn, String place, int participants,
            String participantKinds, String recordedBy, List<Views.Submitted> opinions) {
    }

    record DispositionRequest(String outcome, String reason, String referredTo, Integer changeVersion,
            String changeElementId, String groupLabel, List<String> opinionIds) {
    }

    record Disposed(Views.DispositionView disposition, List<String> opinionIds) {
    }

    record HideRequest(String reason) {
    }

    record ContactPointRequest(String name, String place, List<String> staff) {
    }

    record StaffRequest(String username) {
    }

    record ReviewRequestBody(String expert, String organisation, String dueOn, String note) {
    }

    record TokenRequest(String token) {
    }

    record GroupView(String kind, String label, int count, List<String> opinionIds) {
    }

    // consultations

    @PostMapping(path = "/consultations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    ResponseEntity<Views.ConsultationView> open(@RequestBody ConsultationRequest request) {
        List<String> articles = null;
        if (request.scope() != null) {
            String kind = request.scope().kind() == null ? (request.scope().articles() == null ? "bill" : "articles")
                    : request.scope().kind();
            if (!kind.equals("bill") && !kind.equals("articles")) {
                throw Problems.invalid("scope.kind", "scope.kind is bill or articles");
            }
            if (kind.equals("articles")) {
                if (request.scope().articles() == null || request.scope().articles().isEmpty()) {
                    throw Problems.invalid("scope.articles", "name the articles the consultation asks about");
                }
                articles = request.scope().articles();
            }
        }
        Consultation c = participation.open(new Participation.Opening(request.billId(), request.version(),
                Views.instant("opensAt", request.opensAt()), Views.instant("closesAt", request.closesAt()), articles,
                request.overrideReason()));
        return ResponseEntity.created(URI.create("/api/v1/participation/consultations/" + c.id())).body(view(c));
    }

    @GetMapping("/consultations")
    List<Views.ConsultationView> consultations() {
        return participation.consultations().stream().map(c -> Views.consultation(c, participation.now(), null)).toList();
    }

    @GetMapping("/consultations/{id}")
    Views.ConsultationView consultation(@PathVariable String id) {
        return view(participation.consultation(id));
    }

    private Views.ConsultationView view(Consultation c) {
        return Views.consultation(c, participation.now(), c.wholeBill() ? null : participation.version(c));
    }

    @PostMapping("/consultations/{id}/report/publication")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    Views.ConsultationView publish(@PathVariable String id) {
        return view(participation.publishReport(id));
    }

    // opinions

    @PostMapping(path = "/consultations/{id}/opinions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Views.Submitted> submit(@PathVariable String id, @RequestBody OpinionRequest request,
            HttpServletRequest http) {
        var submitted = participation.submit(id, new Participation.Submission(request.elementId(), request.text(),
                request.channel(), request.name(), request.contact(), request.organisation(), request.meetingId(),
                request.reviewRequestId(), Views.date("receivedOn", request.receivedOn())), http.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/participation/consultations/" + id + "/opinions/"
                + submitted.opinion().id())).body(submitted(submitted));
    }

    static Views.Submitted submitted(Participation.Submitted s) {
        return new Views.Submitted(s.opinion().id(), s.token(), s.opinion().consultationId(), s.opinion().eId(),
                s.opinion().wId(), s.opinion().channel().id());
    }

    /** The opinion table: filters by channel, element (article or paragraph, eId or wId), status and words. */
    @GetMapping("/consultations/{id}/opinions")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    ResponseEntity<List<Views.OpinionView>> opinions(@PathVariable String id,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String element,
            @RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "1000") int limit) {
        if (offset < 0) {
            throw Problems.invalid("offset", "offset is 0 or more");
        }
        if (limit < 1 || limit > 10_000) {
            throw Problems.invalid("limit", "limit lies between 1 and 10000");
        }
        Table table = table(participation, actor.get(), id, channel, element, status, q, offset, limit);
        return ResponseEntity.ok().header("X-Total-Count", Integer.toString(table.total())).body(table.rows());
    }

    /** A page of the opinion table and how many opinions match in all. */
    record Table(int total, List<Views.OpinionView> rows) {
    }

    /** The opinions that match, in order of arrival; only the page asked for is decrypted. */
    static Table table(Participation participation, Actor viewer, String id, String channel,
            String element, String status, String q, int offset, int limit) {
        if (channel != null && !channel.isBlank() && Channel.find(channel).isEmpty()) {
            throw Problems.invalid("channel", "no channel " + channel);
        }
        Map<String, Disposition> dispositions = participation.dispositions(id).stream()
                .collect(Collectors.toMap(Disposition::id, Function.identity()));
        String article = null;
        if (element != null && !element.isBlank()) {
            DraftVersion version = participation.version(participation.consultation(id));
            article = version.element(element).map(DraftVersion.Element::wId).orElse(element);
        }
        String anchor = article;
        List<Opinion> matching = participation.opinions(id).stream()
                .filter(o -> channel == null || channel.isBlank() || o.channel().id().equals(channel))
                .filter(o -> anchor == null || anchor.equals(o.wId()) || anchor.equals(o.articleWId()))
                .filter(o -> status == null || status.isBlank() || switch (status) {
                    case "pending" -> !o.hidden() && o.dispositionId() == null;
                    case "disposed" -> !o.hidden() && o.dispositionId() != null;
                    case "hidden" -> o.hidden();
                    case "visible" -> !o.hidden();
                    default -> throw Problems.invalid("status", "status is pending, disposed, hidden or visible");
                })
                .filter(o -> q == null || q.isBlank() || o.text().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)))
                .toList();
        List<Views.OpinionView> rows = matching.stream().skip(offset).limit(limit)
                .map(o -> Views.opinion(o, participation.name(o), participation.contact(o),
                        dispositions.get(o.dispositionId()), viewer))
                .toList();
        return new Table(matching.size(), rows);
    }

    @PostMapping(path = "/consultations/{id}/opinions/{opinionId}/hiding", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    Views.OpinionView hide(@PathVariable String id, @PathVariable String opinionId, @RequestBody HideRequest request) {
        Opinion o = participation.hide(id, opinionId, request.reason());
        return Views.opinion(o, participation.name(o), participation.contact(o),
                participation.disposition(o.dispositionId()).orElse(null), actor.get());
    }

    @PostMapping(path = "/consultations/{id}/opinions/{opinionId}/disposition", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    ResponseEntity<Disposed> dispose(@PathVariable String id, @PathVariable String opinionId,
            @RequestBody DispositionRequest request) {
        participation.opinion(id, opinionId);
        return disposed(id, List.of(opinionId), request);
    }

    /** A disposition for a group of opinions (a campaign, a topic, or any selection). */
    @PostMapping(path = "/consultations/{id}/dispositions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    ResponseEntity<Disposed> disposeGroup(@PathVariable String id, @RequestBody DispositionRequest request) {
        return disposed(id, request.opinionIds(), request);
    }

    private ResponseEntity<Disposed> disposed(String id, List<String> opinionIds, DispositionRequest request) {
        Disposition d = participation.dispose(id, opinionIds, new Participation.Deciding(request.outcome(),
                request.reason(), request.referredTo(), request.changeVersion(), request.changeElementId(),
                request.groupLabel()));
        return ResponseEntity.status(201).body(new Disposed(Views.disposition(d), List.copyOf(new java.util.LinkedHashSet<>(opinionIds))));
    }

    @GetMapping("/consultations/{id}/groups")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    List<GroupView> groups(@PathVariable String id) {
        var report = reports.of(id);
        Map<Integer, List<String>> byGroup = report.rows().stream().filter(r -> r.groupNumber() > 0)
                .collect(Collectors.groupingBy(FeedbackReports.Row::groupNumber, java.util.TreeMap::new,
                        Collectors.mapping(r -> r.opinion().id(), Collectors.toList())));
        return byGroup.values().stream().map(ids -> {
            var first = report.rows().stream().filter(r -> r.opinion().id().equals(ids.getFirst())).findFirst().orElseThrow();
            return new GroupView("campaign", ExactDuplicates.cut(first.opinion().text(), 60), ids.size(), ids);
        }).toList();
    }

    // meetings, review requests, contact points

    @PostMapping(path = "/consultations/{id}/meetings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('CONTACT_POINT_STAFF')")
    ResponseEntity<MeetingView> meeting(@PathVariable String id, @RequestBody MeetingRequest request) {
        List<Participation.Spoken> spoken = request.opinions() == null ? null : request.opinions().stream()
                .map(s -> new Participation.Spoken(s == null ? null : s.elementId(), s == null ? null : s.text(),
                        s == null ? null : s.name())).toList();
        var recorded = participation.recordMeeting(id, request.contactPointId(), Views.date("heldOn", request.heldOn()),
                request.place(), request.participants(), request.participantKinds(), spoken);
        Meeting m = recorded.meeting();
        return ResponseEntity.status(201).body(new MeetingView(m.id(), m.contactPointId(), m.heldOn().toString(),
                m.place(), m.participants(), m.participantKinds(), m.recordedBy(),
                recorded.opinions().stream().map(ParticipationApi::submitted).toList()));
    }

    @PostMapping(path = "/consultations/{id}/review-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    ResponseEntity<ReviewRequest> requestReview(@PathVariable String id, @RequestBody ReviewRequestBody body) {
        return ResponseEntity.status(201).body(participation.requestReview(id, body.expert(), body.organisation(),
                Views.date("dueOn", body.dueOn()), body.note()));
    }

    @GetMapping("/consultations/{id}/review-requests")
    @PreAuthorize("hasAnyRole('LEGISLATIVE_STAFF', 'EXPERT')")
    List<ReviewRequest> reviewRequests(@PathVariable String id) {
        return participation.reviewRequests(id);
    }

    @PostMapping(path = "/contact-points", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    ResponseEntity<ContactPoint> createContactPoint(@RequestBody ContactPointRequest request) {
        return ResponseEntity.status(201).body(participation.createContactPoint(request.name(), request.place(),
                request.staff()));
    }

    @PostMapping(path = "/contact-points/{id}/staff", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    ContactPoint addStaff(@PathVariable String id, @RequestBody StaffRequest request) {
        return participation.addStaff(id, request.username());
    }

    @GetMapping("/contact-points")
    @PreAuthorize("hasAnyRole('LEGISLATIVE_STAFF', 'CONTACT_POINT_STAFF')")
    List<ContactPoint> contactPoints() {
        return participation.contactPoints();
    }

    // the contributor's view

    @GetMapping("/my-opinions")
    @PreAuthorize("isAuthenticated()")
    List<Views.ContributorView> mine() {
        return participation.ofCurrentAccount().stream().map(this::contributor).toList();
    }

    @PostMapping(path = "/opinion-lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
    Views.ContributorView lookup(@RequestBody TokenRequest request) {
        return participation.byToken(request.token()).map(this::contributor)
                .orElseThrow(() -> Problems.notFound("no opinion has this token"));
    }

    private Views.ContributorView contributor(Opinion o) {
        return Views.contributor(o, participation.consultation(o.consultationId()),
                participation.disposition(o.dispositionId()).orElse(null));
    }

    // the report

    @GetMapping("/consultations/{id}/report")
    FeedbackReports.Report report(@PathVariable String id) {
        return withoutRows(reports.of(readableReport(id)));
    }

    @GetMapping("/consultations/{id}/report.csv")
    ResponseEntity<String> reportCsv(@PathVariable String id) {
        String csv = reports.csv(reports.of(readableReport(id)));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"consultation-" + id + ".csv\"")
                .body(csv);
    }

    /** The report is public once published; before that legislative staff read it. */
    private String readableReport(String id) {
        Consultation c = participation.consultation(id);
        if (c.reportPublishedAt() == null && !actor.get().has(Role.LEGISLATIVE_STAFF)) {
            throw Problems.notFound("the feedback report of consultation " + id + " is not published");
        }
        return id;
    }

    private static FeedbackReports.Report withoutRows(FeedbackReports.Report r) {
        return new FeedbackReports.Report(r.consultationId(), r.billId(), r.version(), r.title(), r.state(), r.opensAt(),
                r.closesAt(), r.publishedAt(), r.opinions(), r.hidden(), r.general(), r.meetings(),
                r.meetingParticipants(), r.channels(), r.articles(), r.dispositions(), r.pending(), r.mainOpinions(),
                r.campaigns(), List.of());
    }
}

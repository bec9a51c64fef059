package org.megacity.participation.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.FieldCipher;
import org.megacity.identity.Role;
import org.megacity.legislation.DraftVersion;
import org.megacity.legislation.DraftVersions;
import org.megacity.participation.Channel;
import org.megacity.participation.OpinionSubmitted;
import org.megacity.participation.Outcome;
import org.megacity.participation.FeedbackReportPublished;
import org.megacity.platform.Digests;
import org.megacity.platform.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultations, opinions from every channel, moderation and dispositions. Every write checks its
 * input completely before it writes, in one transaction: a refused request leaves nothing behind.
 */
@Service
class Participation {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int MAX_TEXT = 5000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ParticipationStore store;
    private final DraftVersions drafts;
    private final CurrentActor actor;
    private final FieldCipher cipher;
    private final ApplicationEventPublisher events;
    private final ParticipationSettings settings;
    private final AnonymousLimiter limiter;
    private final Clock clock;
    private final java.util.Map<String, Indexed> versions = new java.util.concurrent.ConcurrentHashMap<>();

    Participation(ParticipationStore store, DraftVersions drafts, CurrentActor actor, FieldCipher cipher,
            ApplicationEventPublisher events, ParticipationSettings settings, ObjectProvider<Clock> clocks) {
        this.store = store;
        this.drafts = drafts;
        this.actor = actor;
        this.cipher = cipher;
        this.events = events;
        this.settings = settings;
        this.limiter = new AnonymousLimiter(settings.anonymousPerHour());
        this.clock = clocks.getIfAvailable(() -> Clock.system(CHINA));
    }

    /** Now, to the microsecond that both databases store. */
    Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    LocalDate today() {
        return LocalDate.ofInstant(now(), CHINA);
    }

    ParticipationSettings settings() {
        return settings;
    }

    // consultations

    /** What opening a consultation takes. {@code articles} null or empty: the whole bill. */
    record Opening(String billId, Integer version, Instant opensAt, Instant closesAt, List<String> articles,
            String overrideReason) {
    }

    @Transactional
    Consultation open(Opening request) {
        return open(request, false);
    }

    /** {@code backdated}: the demo records a consultation that opened earlier; the API never does. */
    @Transactional
    Consultation open(Opening request, boolean backdated) {
        if (request.billId() == null || request.billId().isBlank()) {
            throw Problems.invalid("billId", "billId is required");
        }
        if (request.version() == null) {
            throw Problems.invalid("version", "version is required");
        }
        if (request.opensAt() == null) {
            throw Problems.invalid("opensAt", "opensAt is required (ISO-8601, e.g. 2026-12-01T00:00:00+08:00)");
        }
        if (request.closesAt() == null) {
            throw Problems.invalid("closesAt", "closesAt is required");
        }
        if (!request.closesAt().isAfter(request.opensAt())) {
            throw Problems.invalid("closesAt", "closesAt lies after opensAt");
        }
        if (!backdated && request.opensAt().isBefore(now().minus(Duration.ofDays(1)))) {
            throw Problems.invalid("opensAt", "a consultation cannot open in the past");
        }
        String reason = ParticipationProblems.text("overrideReason", request.overrideReason(), 1000, false);
        boolean shorter = request.opensAt().plus(Duration.ofDays(settings.minimumDays())).isAfter(request.closesAt());
        if (shorter && (reason == null || reason.strip().length() < 4)) {
            throw Problems.invalid("closesAt", "a consultation runs at least " + settings.minimumDays()
                    + " days (Legislation Law Art. 40) unless an override gives its reason (overrideReason)");
        }
        if (!shorter) {
            reason = null;
        }
        DraftVersion version = drafts.find(request.billId(), request.version()).orElseThrow(
                () -> ParticipationProblems.unprocessable("version", "bill " + request.billId() + " has no version "
                        + request.version()));
        if (!version.summary().published()) {
            throw Problems.conflict("version " + request.version() + " of bill " + request.billId()
                    + " is not published; publish it for comment first");
        }
        List<String> scope = new ArrayList<>();
        if (request.articles() != null) {
            for (String id : new LinkedHashSet<>(request.articles())) {
                DraftVersion.Element element = version.element(id)
                        .orElseThrow(() -> ParticipationProblems.unknownElement("scope.articles", id, request.billId(),
                                request.version()));
                if (!element.kind().equals("article")) {
                    throw ParticipationProblems.unprocessable("scope.articles", "'" + id + "' is not an article");
                }
                scope.add(element.wId());
            }
        }
        Actor who = actor.get();
        Consultation consultation = new Consultation(UUID.randomUUID().toString(), request.billId(), request.version(),
                version.summary().title(), request.opensAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                request.closesAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), scope.isEmpty(), scope, reason, now(),
                who.username(), null, null);
        store.insert(consultation);
        events.publishEvent(new org.megacity.participation.ConsultationOpened(consultation.id(), consultation.billId(),
                consultation.version(), consultation.opensAt(), consultation.closesAt()));
        return consultation;
    }

    List<Consultation> consultations() {
        return store.consultations();
    }

    Consultation consultation(String id) {
        return store.consultation(id).orElseThrow(() -> Problems.notFound("no consultation " + id));
    }

    /**
     * The consultation's version with its elements indexed by both ids. Stored versions never change,
     * so a few are kept in memory: a submission does not read the whole draft again.
     */
    Indexed indexed(Consultation consultation) {
        String key = consultation.billId() + "@" + consultation.version();
        Indexed found = versions.get(key);
        if (found == null) {
            found = Indexed.of(drafts.find(consultation.billId(), consultation.version()).orElseThrow());
            if (versions.size() >= 32) {
                versions.clear();
            }
            versions.put(key, found);
        }
        return found;
    }

    DraftVersion version(Consultation consultation) {
        return indexed(consultation).version();
    }

    /** A version and its elements by eId and by wId. */
    record Indexed(DraftVersion version, java.util.Map<String, DraftVersion.Element> byEId,
            java.util.Map<String, DraftVersion.Element> byWId) {

        static Indexed of(DraftVersion version) {
            java.util.Map<String, DraftVersion.Element> e = new java.util.HashMap<>();
            java.util.Map<String, DraftVersion.Element> w = new java.util.HashMap<>();
            for (DraftVersion.Element element : version.elements()) {
                e.put(element.eId(), element);
                w.putIfAbsent(element.wId(), element);
            }
            return new Indexed(version, java.util.Map.copyOf(e), java.util.Map.copyOf(w));
        }

        /** By eId first, as {@link DraftVersion#element} does, then by wId. */
        Optional<DraftVersion.Element> element(String id) {
            DraftVersion.Element found = byEId.get(id);
            return Optional.ofNullable(found != null ? found : byWId.get(id));
        }
    }

    /** Publishes the feedback report of a closed consultation; publishing twice changes nothing. */
    @Transactional
    Consultation publishReport(String id) {
        Consultation consultation = consultation(id);
        Consultation.State state = consultation.state(now());
        if (state == Consultation.State.SCHEDULED || state == Consultation.State.OPEN) {
            throw Problems.conflict("consultation " + id + " is " + state.id() + "; its report is published after it closes");
        }
        if (state == Consultation.State.CLOSED) {
            store.markReportPublished(id, now(), actor.get().username());
            events.publishEvent(new FeedbackReportPublished(id, consultation.billId(), consultation.version()));
        }
        return consultation(id);
    }

    // contact points

    @Transactional
    ContactPoint createContactPoint(String name, String place, List<String> staff) {
        String checkedName = ParticipationProblems.text("name", name, 200, true).strip();
        String checkedPlace = ParticipationProblems.text("place", place, 300, false);
        List<String> usernames = new ArrayList<>();
        for (String username : staff == null ? List.<String>of() : staff) {
            usernames.add(ParticipationProblems.text("staff", username, 100, true).strip());
        }
        ContactPoint point = new ContactPoint(UUID.randomUUID().toString(), checkedName,
                checkedPlace == null ? null : checkedPlace.strip(), now(), List.copyOf(new LinkedHashSet<>(usernames)));
        store.insert(point);
        return point;
    }

    @Transactional
    ContactPoint addStaff(String pointId, String username) {
        ContactPoint point = contactPoint(pointId);
        String name = ParticipationProblems.text("username", username, 100, true).strip();
        if (!point.staff().contains(name)) {
            store.addStaff(pointId, name);
        }
        return contactPoint(pointId);
    }

    List<ContactPoint> contactPoints() {
        return store.contactPoints();
    }

    ContactPoint contactPoint(String id) {
        return store.contactPoint(id).orElseThrow(() -> Problems.notFound("no contact point " + id));
    }

    /** The contact points the current actor works for. */
    List<ContactPoint> myContactPoints() {
        String me = actor.get().username();
        return store.contactPoints().stream().filter(p -> p.staff().contains(me)).toList();
    }

    // opinions

    /** An opinion as submitted through any channel; fields that a channel does not use are ignored. */
    record Submission(String elementId, String text, String channel, String name, String contact, String organisation,
            String meetingId, String reviewRequestId, LocalDate receivedOn) {
    }

    /** A stored opinion and the lookup token its submitter keeps (only its hash is stored). */
    record Submitted(Opinion opinion, String token) {
    }

    /** An opinion given at a contact point's meeting. */
    record Spoken(String elementId, String text, String name) {
    }

    /** A meeting and the opinions given at it. */
    record Recorded(Meeting meeting, List<Submitted> opinions) {
    }

    @Transactional
    Submitted submit(String consultationId, Submission submission, String remoteAddress) {
        Consultation consultation = consultation(consultationId);
        Channel channel = Channel.find(submission.channel() == null ? "online" : submission.channel())
                .orElseThrow(() -> Problems.invalid("channel", "channel is one of online, contact-point, deputy, expert,"
                        + " department, letter"));
        String text = ParticipationProblems.text("text", submission.text(), MAX_TEXT, true);
        String name = ParticipationProblems.text("name", submission.name(), 100, false);
        String contact = ParticipationProblems.text("contact", submission.contact(), 300, false);
        String organisation = ParticipationProblems.text("organisation", submission.organisation(), 200, false);
        Actor who = actor.get();
        String accountId = who.authenticated() ? who.accountId() : null;
        String meetingId = null;
        String reviewId = null;
        LocalDate receivedOn = null;
        switch (channel) {
            case ONLINE -> {
                if (!who.authenticated()) {
                    if (!settings.anonymousOpinions()) {
                        throw Problems.of(org.springframework.http.HttpStatus.UNAUTHORIZED, "sign-in-required",
                                "Sign in required", "this city takes online opinions from signed-in citizens only");
                    }
                }
            }
            case CONTACT_POINT -> {
                requireRole(who, Role.CONTACT_POINT_STAFF, channel);
                if (submission.meetingId() == null) {
                    throw Problems.invalid("meetingId", "an opinion from a contact point belongs to a recorded meeting");
                }
                Meeting meeting = store.meeting(submission.meetingId())
                        .filter(m -> m.consultationId().equals(consultationId))
                        .orElseThrow(() -> ParticipationProblems.unprocessable("meetingId", "no meeting "
                                + submission.meetingId() + " on this consultation"));
                requireOwnPoint(who, meeting.contactPointId());
                meetingId = meeting.id();
                accountId = null;
            }
            case DEPUTY -> requireRole(who, Role.DEPUTY, channel);
            case EXPERT -> {
                requireRole(who, Role.EXPERT, channel);
                if (submission.reviewRequestId() != null) {
                    ReviewRequest review = store.reviewRequest(submission.reviewRequestId())
                            .filter(r -> r.consultationId().equals(consultationId))
                            .orElseThrow(() -> ParticipationProblems.unprocessable("reviewRequestId", "no review request "
                                    + submission.reviewRequestId() + " on this consultation"));
                    if (!review.expert().equals(who.username())) {
                        throw Problems.forbidden("review request " + review.id() + " was sent to another expert");
                    }
                    reviewId = review.id();
                    if (organisation == null) {
                        organisation = review.organisation();
                    }
                } else {
                    // an expert answering from the draft page: the earliest open request to them, if any
                    Optional<ReviewRequest> open = store.reviewRequests(consultationId).stream()
                            .filter(r -> r.expert().equals(who.username()) && r.answeredAt() == null).findFirst();
                    if (open.isPresent()) {
                        reviewId = open.get().id();
                        if (organisation == null) {
                            organisation = open.get().organisation();
                        }
                    }
                }
            }
            case DEPARTMENT -> {
                if (!who.has(Role.DEPARTMENT_HANDLER) && !who.has(Role.LEGISLATIVE_STAFF)) {
                    throw Problems.forbidden("a government department's opinion is sent by its staff (department handler)"
                            + " or recorded by legislative staff");
                }
                if (organisation == null) {
                    throw Problems.invalid("organisation", "name the department that gives the opinion");
                }
            }
            case LETTER -> {
                requireRole(who, Role.LEGISLATIVE_STAFF, channel);
                receivedOn = submission.receivedOn() == null ? today() : submission.receivedOn();
                if (receivedOn.isAfter(today())) {
                    throw Problems.invalid("receivedOn", "receivedOn lies in the future");
                }
                accountId = null;
            }
        }
        Consultation.State state = consultation.state(now());
        if (state != Consultation.State.OPEN) {
            throw ParticipationProblems.closed(consultationId, state.id());
        }
        if (channel == Channel.ONLINE && !who.authenticated() && !limiter.allow(remoteAddress, now())) {
            throw ParticipationProblems.tooMany("too many anonymous opinions from this address; try again within the hour"
                    + " or sign in");
        }
        Indexed version = indexed(consultation);
        Submitted submitted = store(consultation, version, channel, submission.elementId(), text, name, contact,
                organisation, accountId, meetingId, reviewId, receivedOn, who);
        if (reviewId != null) {
            store.markAnswered(reviewId, now());
        }
        return submitted;
    }

    /** Records a contact point's meeting and every opinion given at it, all or nothing. */
    @Transactional
    Recorded recordMeeting(String consultationId, String contactPointId, LocalDate heldOn, String place,
            Integer participants, String participantKinds, List<Spoken> opinions) {
        Consultation consultation = consultation(consultationId);
        Actor who = actor.get();
        requireRole(who, Role.CONTACT_POINT_STAFF, Channel.CONTACT_POINT);
        if (contactPointId == null) {
            throw Problems.invalid("contactPointId", "contactPointId is required");
        }
        ContactPoint point = store.contactPoint(contactPointId).orElseThrow(
                () -> ParticipationProblems.unprocessable("contactPointId", "no contact point " + contactPointId));
        requireOwnPoint(who, point.id());
        if (heldOn == null) {
            throw Problems.invalid("heldOn", "heldOn (the meeting's date) is required");
        }
        if (heldOn.isAfter(today())) {
            throw Problems.invalid("heldOn", "the meeting's date lies in the future");
        }
        String checkedPlace = ParticipationProblems.text("place", place, 300, true);
        if (participants == null || participants < 1 || participants > 100_000) {
            throw Problems.invalid("participants", "participants is the number of people who took part (1 or more)");
        }
        String kinds = ParticipationProblems.text("participantKinds", participantKinds, 300, true);
        if (opinions == null || opinions.isEmpty()) {
            throw Problems.invalid("opinions", "record at least one opinion given at the meeting");
        }
        if (opinions.size() > 1000) {
            throw Problems.invalid("opinions", "at most 1000 opinions per meeting");
        }
        for (int i = 0; i < opinions.size(); i++) {
            ParticipationProblems.text("opinions[" + i + "].text", opinions.get(i).text(), MAX_TEXT, true);
            ParticipationProblems.text("opinions[" + i + "].name", opinions.get(i).name(), 100, false);
        }
        Consultation.State state = consultation.state(now());
        if (state != Consultation.State.OPEN) {
            throw ParticipationProblems.closed(consultationId, state.id());
        }
        Indexed version = indexed(consultation);
        for (int i = 0; i < opinions.size(); i++) {
            element(consultation, version, "opinions[" + i + "].elementId", opinions.get(i).elementId());
        }
        Meeting meeting = new Meeting(UUID.randomUUID().toString(), consultationId, point.id(), heldOn,
                checkedPlace.strip(), participants, kinds.strip(), now(), who.username());
        store.insert(meeting);
        List<Submitted> stored = new ArrayList<>();
        for (Spoken spoken : opinions) {
            stored.add(store(consultation, version, Channel.CONTACT_POINT, spoken.elementId(), spoken.text(),
                    spoken.name(), null, point.name(), null, meeting.id(), null, null, who));
        }
        return new Recorded(meeting, stored);
    }

    List<Meeting> meetings(String consultationId) {
        consultation(consultationId);
        return store.meetings(consultationId);
    }

    private Submitted store(Consultation consultation, Indexed version, Channel channel, String elementId,
            String text, String name, String contact, String organisation, String accountId, String meetingId,
            String reviewId, LocalDate receivedOn, Actor who) {
        DraftVersion.Element element = element(consultation, version, "elementId", elementId);
        String token = token();
        Opinion opinion = new Opinion(UUID.randomUUID().toString(), consultation.id(),
                element == null ? null : element.eId(), element == null ? null : element.wId(),
                element == null ? null : element.articleWId(), element == null ? null : element.label(), channel, text,
                normalisedHash(text), accountId, cipher.encrypt(name == null ? null : name.strip()),
                cipher.encrypt(contact == null ? null : contact.strip()),
                organisation == null ? null : organisation.strip(), meetingId, reviewId, receivedOn, Digests.sha256Hex(token), now(),
                who.username(), null, null, null, null);
        store.insert(opinion);
        events.publishEvent(new OpinionSubmitted(consultation.id(), opinion.id(), channel, opinion.articleWId()));
        return new Submitted(opinion, token);
    }

    /** An opinion stored for the demo, without the channel's checks (the system enters it). */
    Opinion seed(Consultation consultation, Channel channel, String elementId, String text,
            String name, String organisation, String meetingId, Actor who) {
        return store(consultation, indexed(consultation), channel, elementId, text, name, null, organisation, null,
                meetingId, null,
                channel == Channel.LETTER ? today() : null, who).opinion();
    }

    /** The element an opinion is anchored on; null for a general opinion; 422 when the version has none such. */
    private static DraftVersion.Element element(Consultation consultation, Indexed version, String field,
            String elementId) {
        if (elementId == null || elementId.isBlank() || elementId.equals("general")) {
            return null;
        }
        DraftVersion.Element element = version.element(elementId).orElseThrow(
                () -> ParticipationProblems.unknownElement(field, elementId, consultation.billId(), consultation.version()));
        if (!consultation.wholeBill() && !consultation.scope().contains(element.articleWId())) {
            throw ParticipationProblems.unprocessable(field, element.label() + " is outside this consultation's scope");
        }
        return element;
    }

    private static void requireRole(Actor who, Role role, Channel channel) {
        if (!who.has(role)) {
            throw Problems.forbidden("opinions through the channel '" + channel.id() + "' are entered by "
                    + role.nameEn().toLowerCase() + " accounts only");
        }
    }

    private void requireOwnPoint(Actor who, String contactPointId) {
        ContactPoint point = contactPoint(contactPointId);
        if (!point.staff().contains(who.username())) {
            throw Problems.forbidden("contact-point staff enter opinions only for their own contact point");
        }
    }

    Opinion opinion(String consultationId, String opinionId) {
        return store.opinion(opinionId).filter(o -> o.consultationId().equals(consultationId))
                .orElseThrow(() -> Problems.notFound("no opinion " + opinionId + " on consultation " + consultationId));
    }

    List<Opinion> opinions(String consultationId) {
        consultation(consultationId);
        return store.opinions(consultationId);
    }

    Optional<Opinion> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return store.opinionByToken(Digests.sha256Hex(token.strip()));
    }

    List<Opinion> ofCurrentAccount() {
        Actor who = actor.get();
        return who.authenticated() ? store.opinionsOfAccount(who.accountId()) : List.of();
    }

    /** The submitter's name in clear (callers mask it for the viewer). */
    String name(Opinion opinion) {
        return cipher.decrypt(opinion.sealedName());
    }

    String contact(Opinion opinion) {
        return cipher.decrypt(opinion.sealedContact());
    }

    /** Hides an opinion (abuse) with a reason; it stays stored and counted as hidden. */
    @Transactional
    Opinion hide(String consultationId, String opinionId, String reason) {
        Opinion opinion = opinion(consultationId, opinionId);
        String why = ParticipationProblems.text("reason", reason, 1000, true);
        if (opinion.hidden()) {
            throw Problems.conflict("opinion " + opinionId + " is hidden already");
        }
        store.hide(opinionId, now(), actor.get().username(), why.strip());
        return opinion(consultationId, opinionId);
    }

    // dispositions

    /** A disposition for one opinion or a group. */
    record Deciding(String outcome, String reason, String referredTo, Integer changeVersion, String changeElementId,
            String groupLabel) {
    }

    @Transactional
    Disposition dispose(String consultationId, List<String> opinionIds, Deciding request) {
        Consultation consultation = consultation(consultationId);
        if (opinionIds == null || opinionIds.isEmpty()) {
            throw Problems.invalid("opinionIds", "name the opinions this disposition is for");
        }
        if (opinionIds.size() > 100_000) {
            throw Problems.invalid("opinionIds", "too many opinions in one disposition");
        }
        Outcome outcome = Outcome.find(request.outcome() == null ? "" : request.outcome()).orElseThrow(
                () -> Problems.invalid("outcome", "outcome is one of adopted, partly-adopted, not-adopted, "
                        + "already-reflected, out-of-scope"));
        String reason = ParticipationProblems.text("reason", request.reason(), 2000, false);
        if (outcome == Outcome.NOT_ADOPTED && reason == null) {
            throw Problems.invalid("reason", "an opinion not adopted needs the reason why");
        }
        String referredTo = ParticipationProblems.text("referredTo", request.referredTo(), 300, false);
        if (outcome == Outcome.OUT_OF_SCOPE && referredTo == null) {
            throw Problems.invalid("referredTo", "say where an out-of-scope opinion was referred (e.g. a case, a department)");
        }
        String label = ParticipationProblems.text("groupLabel", request.groupLabel(), 200, false);
        Set<String> ids = new LinkedHashSet<>(opinionIds);
        Set<String> known = store.opinionIds(consultationId);
        for (String id : ids) {
            if (!known.contains(id)) {
                throw ParticipationProblems.unprocessable("opinionIds", "no opinion " + id + " on this consultation");
            }
        }
        if (consultation.state(now()) == Consultation.State.REPORT_PUBLISHED) {
            throw Problems.conflict("the feedback report of consultation " + consultationId + " is published");
        }
        Integer changeVersion = request.changeVersion();
        String changeEId = null;
        String changeWId = null;
        if (request.changeElementId() != null && !request.changeElementId().isBlank()) {
            if (changeVersion == null) {
                throw Problems.invalid("changeVersion", "give the version in which the element changed");
            }
            if (changeVersion <= consultation.version()) {
                throw ParticipationProblems.unprocessable("changeVersion", "the change is in a version after "
                        + consultation.version());
            }
            DraftVersion later = drafts.find(consultation.billId(), changeVersion).orElseThrow(
                    () -> ParticipationProblems.unprocessable("changeVersion", "bill " + consultation.billId()
                            + " has no version " + changeVersion));
            DraftVersion.Element element = later.element(request.changeElementId()).orElseThrow(
                    () -> ParticipationProblems.unknownElement("changeElementId", request.changeElementId(),
                            consultation.billId(), changeVersion));
            changeEId = element.eId();
            changeWId = element.wId();
        } else if (changeVersion != null) {
            throw Problems.invalid("changeElementId", "name the element that changed in version " + changeVersion);
        }
        Disposition disposition = new Disposition(UUID.randomUUID().toString(), consultationId, outcome,
                reason == null ? null : reason.strip(), referredTo == null ? null : referredTo.strip(), changeVersion,
                changeEId, changeWId, label == null ? null : label.strip(), now(), actor.get().username());
        store.insert(disposition);
        store.dispose(List.copyOf(ids), disposition.id());
        return disposition;
    }

    Optional<Disposition> disposition(String id) {
        return store.disposition(id);
    }

    List<Disposition> dispositions(String consultationId) {
        return store.dispositions(consultationId);
    }

    // review requests

    @Transactional
    ReviewRequest requestReview(String consultationId, String expert, String organisation, LocalDate dueOn,
            String note) {
        Consultation consultation = consultation(consultationId);
        String who = ParticipationProblems.text("expert", expert, 100, true).strip();
        String org = ParticipationProblems.text("organisation", organisation, 200, false);
        String why = ParticipationProblems.text("note", note, 1000, false);
        if (dueOn == null) {
            throw Problems.invalid("dueOn", "dueOn is required");
        }
        LocalDate closes = LocalDate.ofInstant(consultation.closesAt(), CHINA);
        if (dueOn.isBefore(today()) || dueOn.isAfter(closes)) {
            throw Problems.invalid("dueOn", "the due date lies between today and the consultation's end (" + closes + ")");
        }
        ReviewRequest request = new ReviewRequest(UUID.randomUUID().toString(), consultationId, who,
                org == null ? null : org.strip(), dueOn, why, now(), actor.get().username(), null);
        store.insert(request);
        return request;
    }

    List<ReviewRequest> reviewRequests(String consultationId) {
        consultation(consultationId);
        Actor who = actor.get();
        List<ReviewRequest> all = store.reviewRequests(consultationId);
        return who.has(Role.LEGISLATIVE_STAFF) ? all : all.stream().filter(r -> r.expert().equals(who.username())).toList();
    }

    // helpers

    static String token() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hash of the text with whitespace (also the ideographic space) collapsed, for exact-duplicate campaigns. */
    static String normalisedHash(String text) {
        return Digests.sha256Hex(normalised(text));
    }

    /** The text with leading and trailing whitespace removed and every run of whitespace (also U+3000) as one space. */
    static String normalised(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}

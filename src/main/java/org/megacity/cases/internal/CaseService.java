package org.megacity.cases.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.megacity.audit.AuditTrail;
import org.megacity.cases.CaseClosed;
import org.megacity.cases.CaseEscalated;
import org.megacity.cases.CaseFiled;
import org.megacity.cases.CaseIntake;
import org.megacity.cases.CaseReported;
import org.megacity.cases.CaseStatus;
import org.megacity.cases.CaseStatusChanged;
import org.megacity.cases.Channel;
import org.megacity.geo.CoordinateFrame;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.Geography;
import org.megacity.geo.Location;
import org.megacity.identity.Actor;
import org.megacity.identity.FieldCipher;
import org.megacity.identity.Role;
import org.megacity.organization.DepartmentCode;
import org.megacity.organization.Departments;
import org.megacity.organization.OperationCentre;
import org.megacity.organization.OperationCentres;
import org.megacity.platform.PlainText;
import org.megacity.platform.Problems;
import org.megacity.worktime.NoCalendarForYear;
import org.megacity.worktime.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake, routing, duplicates, the lifecycle with its deadlines, and escalation. Every change is one
 * transaction: the case row (conditional on the version read), its history entry and its events.
 */
@Service
class CaseService implements CaseIntake {

    private static final Logger LOG = LoggerFactory.getLogger(CaseService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final double DUPLICATE_METRES = 50;
    static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);
    static final Duration REOPEN_WINDOW = Duration.ofDays(7);

    private final CaseStore store;
    private final Catalogue catalogue;
    private final Geography geography;
    private final Departments departments;
    private final OperationCentres centres;
    private final WorkingCalendar calendar;
    private final FieldCipher cipher;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final KpiRollup rollup;
    private final IntakeKeys keys;
    private volatile Clock clock = Clock.systemUTC();

    CaseService(CaseStore store, Catalogue catalogue, Geography geography, Departments departments,
            OperationCentres centres, WorkingCalendar calendar, FieldCipher cipher, ApplicationEventPublisher events,
            TransactionTemplate tx, AuditTrail audit, KpiRollup rollup, IntakeKeys keys) {
        this.rollup = rollup;
        this.keys = keys;
        this.store = store;
        this.catalogue = catalogue;
        this.geography = geography;
        this.departments = departments;
        this.centres = centres;
        this.calendar = calendar;
        this.cipher = cipher;
        this.events = events;
        this.tx = tx;
        this.audit = audit;
    }

    /** For tests: the clock cases are timed by. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    private final ThreadLocal<Instant> threadNow = new ThreadLocal<>();

    Instant now() {
        Instant at = threadNow.get();
        return at != null ? at : clock.instant();
    }

    /** Runs the work as if it were {@code at} on this thread only (the demo's history). */
    <T> T at(Instant at, java.util.function.Supplier<T> work) {
        threadNow.set(at);
        try {
            return work.get();
        } finally {
            threadNow.remove();
        }
    }

    WorkingCalendar calendar() {
        return calendar;
    }

    Catalogue catalogue() {
        return catalogue;
    }

    // intake

    /**
     * A new report. Channel-specific fields may be null.
     *
     * @param mediaUrl a photo or video the reporter published elsewhere (an http or https URL), or null
     */
    record NewCase(Channel channel, String category, String hotlineType, String title, String description,
            String address, Double lon, Double lat, String componentCode, String sourceRef, String reporterName,
            String reporterPhone, String reporterEmail, String mediaUrl) {

        /** A report without media. */
        NewCase(Channel channel, String category, String hotlineType, String title, String description, String address,
                Double lon, Double lat, String componentCode, String sourceRef, String reporterName, String reporterPhone,
                String reporterEmail) {
            this(channel, category, hotlineType, title, description, address, lon, lat, componentCode, sourceRef,
                    reporterName, reporterPhone, reporterEmail, null);
        }
    }

    /** The longest media URL taken. */
    static final int MEDIA_URL_LENGTH = 2048;

    /**
     * Why {@code url} is not a media URL the platform takes (an absolute http or https URL with a host,
     * no user name or password in it, at most {@value #MEDIA_URL_LENGTH} characters), or null when it is.
     */
    static String mediaUrlProblem(String url) {
        if (url.length() > MEDIA_URL_LENGTH) {
            return "at most " + MEDIA_URL_LENGTH + " characters";
        }
        try {
            java.net.URI uri = new java.net.URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return "an http or https URL with a host and no user name";
            }
            return null;
        } catch (java.net.URISyntaxException e) {
            return "not a URL: " + e.getReason();
        }
    }

    /** Which channels each role may report through (the system, for intakes, imports and the demo, any). */
    static Set<Channel> channelsOf(Actor actor) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (actor.equals(Actor.SYSTEM)) {
            return EnumSet.allOf(Channel.class);
        }
        if (actor.has(Role.INSPECTOR)) {
            channels.add(Channel.INSPECTOR);
        }
        if (actor.has(Role.HOTLINE_OPERATOR)) {
            channels.add(Channel.HOTLINE);
        }
        if (actor.has(Role.DEPUTY)) {
            channels.add(Channel.DEPUTY);
        }
        if (actor.has(Role.DISPATCHER) || actor.has(Role.SUPERVISOR)) {
            channels.add(Channel.REFERRAL);
        }
        if (actor.authenticated()) {
            channels.add(Channel.CITIZEN);
        }
        return channels;
    }

    /** What {@link #createOnce} did: the case, and whether an earlier report with the same key had filed it. */
    record Reported(CaseFile file, boolean replayed) {
    }

    /** {@link #createOnce(Actor, String, NewCase, String)} with the keys of the actor's account. */
    Reported createOnce(Actor actor, NewCase in, String key) {
        return createOnce(actor, actor.accountId(), in, key);
    }

    /**
     * {@link #create}, at most once per idempotency key within {@code keyScope} (an account's id, or a
     * client's where many clients act as the system): a report sent again with a key used in the last
     * {@link IntakeKeys#KEPT day} files nothing and returns the case the first one filed, so a retry
     * after a lost answer or a second click never makes a second case. The key is taken in the case's
     * transaction: it exists exactly when its case does. Two uses of one key at once file one case;
     * the second waits for the first and returns its case. A key already used for a different report
     * (another category, place or text) is 422, changing nothing. Without a key this is
     * {@link #create}.
     *
     * @param key a key {@link IntakeKeys#checked checked} by the caller, or null
     */
    Reported createOnce(Actor actor, String keyScope, NewCase in, String key) {
        if (key == null) {
            return new Reported(create(actor, in), false);
        }
        String fingerprint = IntakeKeys.fingerprint(in);
        try {
            // the key goes in with the report (on PostgreSQL in its one statement): a retry fails on it
            return new Reported(create(actor, in, new CaseStore.KeyUse(keyScope, key, fingerprint)), false);
        } catch (DuplicateKeyException | ConcurrencyFailureException e) {
            // another use of the key committed first (or holds it still: then ask for a retry)
            return earlierUse(keyScope, key, fingerprint).orElseThrow(() -> Problems.conflict(
                    "another report with this Idempotency-Key is being filed; send it again to get its case"));
        }
    }

    private Optional<Reported> earlierUse(String keyScope, String key, String fingerprint) {
        return keys.find(keyScope, key).map(use -> {
            if (!use.fingerprint().equals(fingerprint)) {
                throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "Idempotency key reused", "this Idempotency-Key was used for a different report (case "
                                + use.caseId() + "); a new report needs a new key");
            }
            return new Reported(store.find(use.caseId()).orElseThrow(), true);
        });
    }

    CaseFile create(Actor actor, NewCase in) {
        return create(actor, in, null);
    }

    private CaseFile create(Actor actor, NewCase in, CaseStore.KeyUse key) {
        List<Problems.Violation> bad = new ArrayList<>();
        Set<Channel> allowed = channelsOf(actor);
        Channel channel = in.channel() != null ? in.channel() : allowed.stream().findFirst().orElse(null);
        if (channel == null) {
            throw Problems.forbidden("this account may not report cases");
        }
        if (!allowed.contains(channel)) {
            throw Problems.forbidden("this account may not report through the " + channel.id() + " channel");
        }
        Category category = catalogue.category(in.category()).orElse(null);
        if (category == null) {
            bad.add(new Problems.Violation("category", in.category() == null ? "required" : "unknown category " + in.category()));
        }
        HotlineType type = null;
        if (in.hotlineType() != null) {
            type = catalogue.hotlineType(in.hotlineType()).orElse(null);
            if (type == null) {
                bad.add(new Problems.Violation("hotlineType", "unknown hotline type " + in.hotlineType()));
            }
        } else if (channel == Channel.HOTLINE) {
            bad.add(new Problems.Violation("hotlineType", "required for a hotline call"));
        }
        if (in.lon() == null || in.lat() == null || !Double.isFinite(in.lon()) || !Double.isFinite(in.lat())) {
            bad.add(new Problems.Violation(in.lon() == null || !Double.isFinite(in.lon()) ? "lon" : "lat", "required"));
        } else if (Math.abs(in.lon()) > 180 || Math.abs(in.lat()) > 90) {
            bad.add(new Problems.Violation("lon", "not a WGS84 coordinate"));
        }
        if (channel == Channel.HOTLINE && (in.reporterPhone() == null || in.reporterPhone().isBlank())) {
            bad.add(new Problems.Violation("reporterPhone", "required for a hotline call"));
        }
        if (in.reporterPhone() != null && !in.reporterPhone().isBlank() && !in.reporterPhone().matches("[0-9+\\- ]{3,20}")) {
            bad.add(new Problems.Violation("reporterPhone", "digits, +, - and spaces, 3 to 20"));
        }
        check(bad, "description", in.description(), 4000);
        check(bad, "title", in.title(), 200);
        check(bad, "address", in.address(), 300);
        check(bad, "componentCode", in.componentCode(), 30);
        check(bad, "reporterName", in.reporterName(), 100);
        check(bad, "reporterEmail", in.reporterEmail(), 200);
        check(bad, "sourceRef", in.sourceRef(), 100);
        String media = blankToNull(in.mediaUrl());
        String mediaProblem = media == null ? null : mediaUrlProblem(media);
        if (mediaProblem != null) {
            bad.add(new Problems.Violation("mediaUrl", mediaProblem));
        }
        if (!bad.isEmpty()) {
            throw Problems.invalid(bad);
        }
        Location location = geography.locate(in.lon(), in.lat(), CoordinateFrame.WGS84)
                .orElseThrow(() -> CaseProblems.outsideCity(in.lon(), in.lat()));
        if (channel == Channel.INSPECTOR && !actor.jurisdiction().covers(location.grid().code())) {
            throw Problems.forbidden("grid " + location.grid().code() + " lies outside your jurisdiction");
        }
        Instant now = now();
        CaseFile c = new CaseFile();
        c.version = 1;
        c.status = CaseStatus.REPORTED;
        c.channel = channel;
        c.category = category.code();
        c.hotlineType = type == null ? null : type.code();
        c.title = blankToNull(in.title());
        c.description = blankToNull(in.description());
        c.address = blankToNull(in.address());
        c.lon = in.lon();
        c.lat = in.lat();
        c.gridCode = location.grid().code();
        c.communityCode = location.community().code();
        c.streetCode = location.street().code();
        c.districtCode = location.district().code();
        route(c, category, null);
        c.centre = centres.responsibleFor(DivisionCode.of(c.gridCode)).map(OperationCentre::id).orElse(c.streetCode);
        c.escalationLevel = 0;
        c.componentCode = blankToNull(in.componentCode());
        c.sourceRef = blankToNull(in.sourceRef());
        c.mediaUrl = media;
        c.reporterAccount = actor.authenticated() && channel == Channel.CITIZEN ? actor.accountId() : null;
        c.reporterName = c.seal(blankToNull(in.reporterName()), cipher::encrypt);
        c.reporterPhone = c.seal(blankToNull(in.reporterPhone()), cipher::encrypt);
        c.reporterEmail = c.seal(blankToNull(in.reporterEmail()), cipher::encrypt);
        byte[] t = new byte[15];
        RANDOM.nextBytes(t);
        c.token = Base64.getUrlEncoder().withoutPadding().encodeToString(t);
        c.reportedAt = now;
        c.updatedAt = now;
        c.id = store.nextId();
        // one statement on PostgreSQL: committed here when the caller has no transaction, before the event
        store.insertReport(c, new CaseStore.Step(1, now, actor.accountId(), actor.username(), roleOf(actor, channel),
                "report", null, CaseStatus.REPORTED, null, "channel=" + channel.id()), DUPLICATE_METRES,
                c.reportedAt.minus(DUPLICATE_WINDOW), key);
        events.publishEvent(new CaseReported(c.id, c.category, channel, c.gridCode, c.duplicateOf, now));
        return c;
    }

    private static void check(List<Problems.Violation> bad, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            bad.add(new Problems.Violation(field, "at most " + max + " characters"));
        }
        PlainText.check(bad, field, value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String roleOf(Actor actor, Channel channel) {
        return switch (channel) {
            case INSPECTOR -> Role.INSPECTOR.name();
            case HOTLINE -> Role.HOTLINE_OPERATOR.name();
            case DEPUTY -> Role.DEPUTY.name();
            case REFERRAL -> actor.has(Role.DISPATCHER) ? Role.DISPATCHER.name() : Role.SUPERVISOR.name();
            case CITIZEN -> actor.has(Role.CITIZEN) ? Role.CITIZEN.name() : null;
            default -> null;
        };
    }

    /** Routes the case: the category's department (or the district's override, or the one given) and its branch. */
    private void route(CaseFile c, Category category, String department) {
        String code = department != null ? department : catalogue.department(category, c.districtCode);
        c.department = code;
        c.departmentUnit = departments.branchFor(DepartmentCode.of(code), DivisionCode.of(c.gridCode))
                .map(b -> b.name()).orElseGet(() -> departments.find(DepartmentCode.of(code)).map(d -> d.name()).orElse(code));
    }

    @Override
    public CaseReceipt sensorAlert(SensorAlert alert) {
        CaseFile c;
        try {
            c = create(Actor.SYSTEM, new NewCase(Channel.SENSOR, alert.category(), null, null, alert.description(), null,
                    alert.lon(), alert.lat(), null, alert.sensorId(), null, null, null));
        } catch (org.springframework.web.ErrorResponseException e) {
            throw new IllegalArgumentException(e.getBody().getDetail(), e);
        }
        audit.record(Actor.SYSTEM, "case.sensor-alert", "case=" + c.id + ";sensor=" + alert.sensorId(), "ok");
        return new CaseReceipt(c.id, c.token, c.duplicateOf);
    }

    @Override
    public CaseReceipt deputyReferral(DeputyReferral referral) {
        Actor deputy = new Actor("deputy:" + referral.deputyUsername(), referral.deputyUsername(), Set.of(Role.DEPUTY),
                org.megacity.identity.Jurisdiction.NONE);
        CaseFile c;
        try {
            c = create(deputy, new NewCase(Channel.DEPUTY, referral.category(), null, null, referral.description(), null,
                    referral.lon(), referral.lat(), null, "deputy:" + referral.deputyUsername(),
                    referral.constituentName(), referral.constituentPhone(), null));
        } catch (org.springframework.web.ErrorResponseException e) {
            throw new IllegalArgumentException(e.getBody().getDetail(), e);
        }
        audit.record(deputy, "case.deputy-referral", "case=" + c.id, "ok");
        return new CaseReceipt(c.id, c.token, c.duplicateOf);
    }

    // reading

    Optional<CaseFile> find(long id) {
        return store.find(id);
    }

    Optional<CaseFile> byToken(String token) {
        return store.byToken(token);
    }

    /** Whether the actor may see the case: staff within their jurisdiction, the department's handlers, the reporter. */
    static boolean sees(Actor actor, CaseFile c) {
        if (actor.equals(Actor.SYSTEM)) {
            return true;
        }
        if (c.reporterAccount != null && c.reporterAccount.equals(actor.accountId())) {
            return true;
        }
        for (Role r : actor.roles()) {
            switch (r) {
                case DISPATCHER, SUPERVISOR, INSPECTOR, HOTLINE_OPERATOR, DEPUTY -> {
                    if (actor.jurisdiction().covers(c.gridCode)) {
                        return true;
                    }
                }
                case DEPARTMENT_HANDLER -> {
                    if (actor.jurisdiction().coversDepartment(c.department)) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    String open(String sealed) {
        return cipher.decrypt(sealed);
    }

    // the lifecycle

    /** What an action brings: a reason, evidence, a department, a target case, an extension, a satisfaction. */
    record ActionInput(String reason, String evidence, String department, Long into, String extension,
            Integer satisfaction, Integer version) {
        static final ActionInput NONE = new ActionInput(null, null, null, null, null, null, null);
    }

    /** The actions the actor may take on the case now. */
    List<String> allowedActions(Actor actor, CaseFile c) {
        List<String> out = new ArrayList<>();
        Instant now = now();
        for (Action a : Action.values()) {
            if (a.from().contains(c.status) && applicable(a, c, now) && permitted(actor, a, c) == null) {
                out.add(a.id());
            }
        }
        return out;
    }

    private static boolean applicable(Action a, CaseFile c, Instant now) {
        return switch (a) {
            case REQUEST_EXTENSION -> c.extensionRequest == null;
            case APPROVE_EXTENSION, DENY_EXTENSION -> c.extensionRequest != null;
            case REOPEN -> c.closedAt != null && !now.isAfter(c.closedAt.plus(REOPEN_WINDOW))
                    && (c.satisfaction == null || c.satisfaction <= 2);
            case ESCALATE -> c.escalationLevel < 2;
            default -> true;
        };
    }

    /** Null when the actor may take the action on this case, else why not. */
    private static String permitted(Actor actor, Action a, CaseFile c) {
        if (actor.equals(Actor.SYSTEM)) {
            return null;
        }
        if (a.reporterMay() && c.reporterAccount != null && c.reporterAccount.equals(actor.accountId())) {
            return null;
        }
        boolean role = false;
        for (Role r : actor.roles()) {
            if (!a.roles().contains(r)) {
                continue;
            }
            role = true;
            boolean covered = r == Role.DEPARTMENT_HANDLER
                    ? actor.jurisdiction().coversDepartment(c.department)
                    : actor.jurisdiction().covers(c.gridCode);
            if (covered) {
                return null;
            }
        }
        return role ? "case " + c.id + " lies outside your jurisdiction"
                : "the action " + a.id() + " needs one of the roles " + a.roles();
    }

    Role actingRole(Actor actor, Action a) {
        for (Role r : actor.roles()) {
            if (a.roles().contains(r)) {
                return r;
            }
        }
        return null;
    }

    /**
     * Takes an action on a case. 404 when the actor cannot see it, 403 without the role or the
     * jurisdiction, 409 when the state (or the version given) does not allow it or another action won
     * the race, 400 for missing input; nothing changes in any of these.
     */
    CaseFile act(Actor actor, long id, String actionId, ActionInput in) {
        Action action = Action.parse(actionId);
        CaseFile c = store.find(id).filter(x -> sees(actor, x))
                .orElseThrow(() -> Problems.notFound("no case " + id));
        if (action == null) {
            throw Problems.notFound("no action '" + actionId + "'; one of " + java.util.Arrays.stream(Action.values())
                    .map(Action::id).toList());
        }
        String denied = permitted(actor, action, c);
        if (denied != null) {
            throw Problems.forbidden(denied);
        }
        int read = c.version;
        if (in.version() != null && in.version() != read) {
            throw conflict(actor, c, "case " + id + " is at version " + read + ", not " + in.version());
        }
        Instant now = now();
        if (!action.from().contains(c.status) || !applicable(action, c, now)) {
            throw conflict(actor, c, "cannot " + action.id() + " a case that is " + c.status.id()
                    + (action == Action.REOPEN && c.closedAt != null ? " (reopen within 7 days of closing, when unsatisfied)" : ""));
        }
        CaseStatus from = c.status;
        KpiRollup.Contribution was = rollup.of(c);
        String detail = apply(action, c, in, now);
        c.version = read + 1;
        c.updatedAt = now;
        KpiRollup.Contribution is = rollup.of(c);
        rollup.prepare(was, is);
        try {
            return tx.execute(status -> {
                Role role = actingRole(actor, action);
                // the roll-up's updates go with the case's write (on PostgreSQL in the same round trip)
                List<KpiRollup.Move> moves = rollup.moves(was, is);
                CaseStore.Written written = store.update(c, read, new CaseStore.Step(c.version, now, actor.accountId(),
                        actor.username(), role == null ? (actor.equals(Actor.SYSTEM) ? null : "REPORTER") : role.name(),
                        action.id(), from, c.status, blankToNull(in.reason()), detail),
                        moves.stream().map(KpiRollup.Move::statement).toList());
                if (!written.written()) {
                    throw conflict(actor, store.find(id).orElseThrow(), "another action on case " + id + " came first");
                }
                for (int i = 0; i < moves.size(); i++) {
                    rollup.moved(moves.get(i), written.alongCounts()[i]);
                }
                afterwards(action, c, from, now, actor);
                return c;
            });
        } catch (ConcurrencyFailureException | DuplicateKeyException e) {
            throw conflict(actor, store.find(id).orElseThrow(), "another action on case " + id + " came first");
        }
    }

    private org.springframework.web.ErrorResponseException conflict(Actor actor, CaseFile current, String detail) {
        return CaseProblems.conflict(detail, current.status, current.version, allowedActions(actor, current));
    }

    private static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.invalid(field, "required");
        }
        return value.strip();
    }

    /** Changes the working copy for the action; returns the history's detail. */
    private String apply(Action action, CaseFile c, ActionInput in, Instant now) {
        Category category = catalogue.category(c.category).orElseThrow();
        switch (action) {
            case FILE -> {
                c.status = CaseStatus.FILED;
                c.filedAt = now;
                startStep(c, due(category.dispatch(), now));
                return null;
            }
            case REJECT -> {
                String reason = require("reason", in.reason()).toLowerCase(Locale.ROOT);
                String kind = reason.startsWith("duplicate") ? "DUPLICATE" : reason.startsWith("out-of-scope") ? "OUT_OF_SCOPE"
                        : reason.startsWith("invalid") ? "INVALID" : null;
                if (kind == null) {
                    throw Problems.invalid("reason", "starts with invalid, duplicate or out-of-scope");
                }
                c.status = CaseStatus.REJECTED;
                c.rejection = kind;
                stopClock(c);
                return "rejection=" + kind;
            }
            case MERGE -> {
                Long into = in.into() != null ? in.into() : c.duplicateOf;
                if (into == null) {
                    throw Problems.invalid("into", "required: the case this one duplicates");
                }
                CaseFile target = store.find(into).orElseThrow(() -> Problems.invalid("into", "no case " + into));
                if (target.id == c.id || !target.status.open() || target.mergedInto != null) {
                    throw Problems.invalid("into", "case " + into + " is not another open case");
                }
                c.status = CaseStatus.REJECTED;
                c.rejection = "DUPLICATE";
                c.mergedInto = into;
                stopClock(c);
                return "merged into " + into;
            }
            case DISPATCH -> {
                if (in.department() != null && !in.department().isBlank()) {
                    if (departments.find(DepartmentCode.of(in.department().strip())).isEmpty()) {
                        throw Problems.invalid("department", "no department " + in.department());
                    }
                    route(c, category, in.department().strip());
                }
                c.status = CaseStatus.DISPATCHED;
                c.dispatchedAt = now;
                c.acceptedAt = null;
                TimeLimit limit = category.handle();
                HotlineType type = catalogue.hotlineType(c.hotlineType).orElse(null);
                if (type != null && type.handle().minutes() < limit.minutes()) {
                    limit = type.handle();
                }
                c.handleDue = due(limit, now);
                startStep(c, c.handleDue);
                return "department=" + c.department + "; unit=" + c.departmentUnit + "; handle by " + c.handleDue;
            }
            case ACCEPT -> {
                c.status = CaseStatus.IN_PROGRESS;
                c.acceptedAt = now;
                return null;
            }
            case RETURN -> {
                require("reason", in.reason());
                c.status = CaseStatus.FILED;
                c.dispatchedAt = null;
                c.acceptedAt = null;
                c.handleDue = null;
                c.extensionRequest = null;
                startStep(c, due(category.dispatch(), now));
                return "returned by " + c.department;
            }
            case REQUEST_EXTENSION -> {
                require("reason", in.reason());
                TimeLimit extra;
                try {
                    extra = TimeLimit.parse(require("extension", in.extension()));
                } catch (IllegalArgumentException e) {
                    throw Problems.invalid("extension", e.getMessage());
                }
                c.extensionRequest = extra.toString();
                return "extension " + extra;
            }
            case APPROVE_EXTENSION -> {
                TimeLimit extra = TimeLimit.parse(c.extensionRequest);
                c.extensionRequest = null;
                Instant base = c.handleDue == null || c.handleDue.isBefore(now) ? now : c.handleDue;
                c.handleDue = due(extra, base);
                startStep(c, c.handleDue);
                return "extension " + extra + " approved; handle by " + c.handleDue;
            }
            case DENY_EXTENSION -> {
                String ext = c.extensionRequest;
                c.extensionRequest = null;
                return "extension " + ext + " denied";
            }
            case SUSPEND -> {
                require("reason", in.reason());
                c.suspendedFrom = c.status;
                c.suspendedAt = now;
                c.status = CaseStatus.SUSPENDED;
                c.escalationDue = null;
                return null;
            }
            case RESUME -> {
                c.status = c.suspendedFrom;
                if (c.dueAt != null && c.dueAt.isAfter(c.suspendedAt)) {
                    Duration left = safeBetween(c.suspendedAt, c.dueAt);
                    Instant shifted = left == null ? null : plus(now, left);
                    if (c.handleDue != null && c.handleDue.equals(c.dueAt)) {
                        c.handleDue = shifted;
                    }
                    c.dueAt = shifted;
                }
                c.escalationDue = c.dueAt;
                c.suspendedFrom = null;
                c.suspendedAt = null;
                return "due " + c.dueAt;
            }
            case HANDLE -> {
                c.evidence = require("evidence", in.evidence());
                c.status = CaseStatus.HANDLED;
                c.handledAt = now;
                Duration worked = c.dispatchedAt == null ? null : safeBetween(c.dispatchedAt, now);
                c.handlingSeconds = worked == null ? null : worked.toSeconds();
                c.handledOnTime = c.handleDue == null || !now.isAfter(c.handleDue);
                c.extensionRequest = null;
                startStep(c, due(category.verify(), now));
                return c.handledOnTime ? "on time" : "late";
            }
            case VERIFY -> {
                c.status = CaseStatus.VERIFIED;
                c.verifiedAt = now;
                stopClock(c);
                return null;
            }
            case FAIL_VERIFICATION -> {
                require("reason", in.reason());
                c.status = CaseStatus.IN_PROGRESS;
                c.handledAt = null;
                c.handlingSeconds = null;
                c.handledOnTime = null;
                startStep(c, c.handleDue);
                return null;
            }
            case CLOSE -> {
                c.status = CaseStatus.CLOSED;
                c.closedAt = now;
                stopClock(c);
                return null;
            }
            case EVALUATE -> {
                Integer s = in.satisfaction();
                if (s == null || s < 1 || s > 5) {
                    throw Problems.invalid("satisfaction", "a whole number from 1 to 5");
                }
                c.status = CaseStatus.EVALUATED;
                c.evaluatedAt = now;
                c.satisfaction = s;
                return "satisfaction=" + s;
            }
            case REOPEN -> {
                require("reason", in.reason());
                c.status = CaseStatus.FILED;
                c.dispatchedAt = null;
                c.acceptedAt = null;
                c.handledAt = null;
                c.verifiedAt = null;
                c.closedAt = null;
                c.evaluatedAt = null;
                c.satisfaction = null;
                c.handlingSeconds = null;
                c.handledOnTime = null;
                c.handleDue = null;
                c.escalationLevel = 0;
                c.centre = centres.responsibleFor(DivisionCode.of(c.gridCode)).map(OperationCentre::id).orElse(c.streetCode);
                startStep(c, due(category.dispatch(), now));
                return null;
            }
            case ESCALATE -> {
                c.escalationLevel++;
                c.centre = c.escalationLevel == 1 ? c.districtCode : OperationCentre.CITY_ID;
                TimeLimit step = switch (c.status) {
                    case FILED -> category.dispatch();
                    case HANDLED, VERIFIED -> category.verify();
                    default -> category.handle();
                };
                c.escalationDue = c.escalationLevel >= 2 ? null : due(step, now);
                return "to the " + c.level() + " centre " + c.centre;
            }
            default -> throw new IllegalStateException(action.id());
        }
    }

    private static void startStep(CaseFile c, Instant due) {
        c.dueAt = due;
        c.escalationDue = due;
    }

    private static void stopClock(CaseFile c) {
        c.dueAt = null;
        c.escalationDue = null;
    }

    /** The deadline a limit gives from a start, or null when the calendar does not reach it. */
    Instant due(TimeLimit limit, Instant start) {
        try {
            return limit.after(calendar, start);
        } catch (NoCalendarForYear e) {
            LOG.warn("no deadline: {}", e.getMessage());
            return null;
        }
    }

    private Instant plus(Instant start, Duration d) {
        try {
            return calendar.plusWorking(start, d);
        } catch (NoCalendarForYear e) {
            return null;
        }
    }

    Duration safeBetween(Instant a, Instant b) {
        try {
            return calendar.workingBetween(a, b);
        } catch (NoCalendarForYear e) {
            return null;
        }
    }

    private void afterwards(Action action, CaseFile c, CaseStatus from, Instant now, Actor actor) {
        events.publishEvent(new CaseStatusChanged(c.id, c.channel, from, c.status, action.id(), now));
        switch (action) {
            case FILE -> events.publishEvent(new CaseFiled(c.id, c.category, c.channel, c.gridCode, c.department, now));
            case CLOSE -> events.publishEvent(new CaseClosed(c.id, c.category, c.channel, c.districtCode, c.department,
                    Boolean.TRUE.equals(c.handledOnTime), now));
            case ESCALATE -> events.publishEvent(new CaseEscalated(c.id, c.level(), c.centre, now));
            case MERGE -> {
                CaseFile target = store.find(c.mergedInto).orElseThrow();
                int read = target.version;
                target.version = read + 1;
                target.updatedAt = now;
                if (!store.update(target, read, new CaseStore.Step(target.version, now, actor.accountId(), actor.username(),
                        "DISPATCHER", "absorb", target.status, target.status, null,
                        "case " + c.id + " merged into this one; its reporter follows it"))) {
                    throw new ConcurrencyFailureException("case " + target.id + " changed meanwhile");
                }
            }
            default -> {
            }
        }
    }

    /** Escalates every case whose deadline passed (the scheduled job). Returns how many. */
    int escalateOverdue() {
        int n = 0;
        for (Long id : store.dueForEscalation(now(), 500)) {
            try {
                act(Actor.SYSTEM, id, Action.ESCALATE.id(), new ActionInput("deadline passed", null, null, null, null, null, null));
                audit.record(Actor.SYSTEM, "case.escalated", "case=" + id, "ok");
                n++;
            } catch (org.springframework.web.ErrorResponseException raced) {
                LOG.debug("escalation of {} skipped: {}", id, raced.getMessage());
            }
        }
        return n;
    }
}

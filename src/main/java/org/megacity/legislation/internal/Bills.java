package org.megacity.legislation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.Role;
import org.megacity.legislation.BillKind;
import org.megacity.legislation.BillStageChanged;
import org.megacity.legislation.DraftPublished;
import org.megacity.legislation.DraftVersionAdded;
import org.megacity.legislation.PriorityArea;
import org.megacity.legislation.Stage;
import org.megacity.legislation.draft.Draft;
import org.megacity.legislation.draft.DraftComparison;
import org.megacity.legislation.draft.DraftParser;
import org.megacity.legislation.draft.ParseOutcome;
import org.megacity.legislation.draft.WorkIds;
import org.megacity.platform.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legislative plans and their bills: proposing and introducing bills, moving them through their
 * stages, storing versions of their drafts, publishing drafts for comment. Every write happens in
 * one transaction after the input was checked, so a refused request leaves nothing behind.
 */
@Service
class Bills {

    /** Legal dates are Beijing time. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Roles that read drafts that are not (yet) published: they take part in drafting and review. */
    static final Set<Role> DRAFT_READERS = Set.of(Role.LEGISLATIVE_STAFF, Role.DEPUTY, Role.EXPERT,
            Role.CONTACT_POINT_STAFF);

    private final BillStore store;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Bills(BillStore store, CurrentActor actor, ApplicationEventPublisher events) {
        this.store = store;
        this.actor = actor;
        this.events = events;
        this.clock = Clock.system(CHINA);
    }

    /** What describes a bill besides its text. Null fields take defaults (area other, kind new, stage drafting). */
    record Details(String title, PriorityArea area, BillKind kind, String sponsor, String draftingBody,
            LocalDate targetSubmission, LocalDate targetAdoption, String planId, Stage stage, String label,
            LocalDate since) {

        Details(String title, PriorityArea area, BillKind kind, String sponsor, String draftingBody,
                LocalDate targetSubmission, LocalDate targetAdoption, String planId, Stage stage, String label) {
            this(title, area, kind, sponsor, draftingBody, targetSubmission, targetAdoption, planId, stage, label, null);
        }
    }

    /** A bill introduced with its first version. */
    record Introduced(Bill bill, VersionSummary version) {
    }

    /** A new version and how it differs from the one before. */
    record Added(VersionSummary version, DraftComparison comparison) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // plans

    @Transactional
    Plan createPlan(int year, String title) {
        if (year < 1949 || year > 2200) {
            throw Problems.invalid("year", "a plan's year lies between 1949 and 2200");
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            throw Problems.invalid("title", "a plan needs a title of at most 300 characters");
        }
        if (store.planOfYear(year).isPresent()) {
            throw Problems.conflict("there is a plan for " + year + " already");
        }
        Plan plan = new Plan(UUID.randomUUID().toString(), year, title.strip(), Instant.now(clock));
        store.insert(plan);
        return plan;
    }

    List<Plan> plans() {
        return store.plans();
    }

    Plan plan(String id) {
        return store.plan(id).orElseThrow(() -> Problems.notFound("no legislative plan " + id));
    }

    // bills

    /** Adds an item to a plan: a bill without text yet, in stage {@code proposed} (or the stage given). */
    @Transactional
    Bill propose(Details details) {
        if (details.planId() != null) {
            plan(details.planId());
        }
        String title = checkedTitle(details.title());
        Stage stage = details.stage() == null ? Stage.PROPOSED : details.stage();
        return create(details, title, stage);
    }

    /**
     * Creates a bill and its version 1 from a text.
     *
     * @param format {@code markdown} or {@code plain}
     */
    @Transactional
    Introduced introduce(String text, String format, Details details) {
        Draft draft = parse(text);
        String title = checkedTitle(details.title() != null ? details.title() : draft.title());
        if (details.planId() != null) {
            plan(details.planId());
        }
        Stage stage = details.stage() == null ? Stage.DRAFTING : details.stage();
        Bill bill = create(details, title, stage);
        VersionSummary version = new VersionSummary(bill.id(), 1, stage, label(details.label()), title,
                draft.articleCount(), null, Instant.now(clock), actor.get().username());
        store.insert(version, draft, WorkIds.initial(draft), format, text);
        events.publishEvent(new DraftVersionAdded(bill.id(), 1, stage, draft.articleCount()));
        return new Introduced(bill, version);
    }

    private Bill create(Details details, String title, Stage stage) {
        LocalDate today = details.since() == null ? today() : details.since();
        if (today.isAfter(today().plusDays(1))) {
            throw Problems.invalid("since", "the date " + today + " lies in the future");
        }
        Bill bill = new Bill(UUID.randomUUID().toString(), details.planId(), title,
                details.area() == null ? PriorityArea.OTHER : details.area(),
                details.kind() == null ? BillKind.NEW : details.kind(), text(details.sponsor(), "sponsor"),
                text(details.draftingBody(), "draftingBody"), details.targetSubmission(), details.targetAdoption(), stage,
                today, Instant.now(clock), actor.get().username());
        store.insert(bill);
        store.insert(bill.id(), new StageEntry(1, null, stage, today, null, Instant.now(clock), actor.get().username()));
        return bill;
    }

    List<Bill> bills(String planId) {
        return store.bills(planId);
    }

    Bill bill(String id) {
        return store.bill(id).orElseThrow(() -> Problems.notFound("no bill " + id));
    }

    List<StageEntry> history(String billId) {
        bill(billId);
        return store.history(billId);
    }

    /**
     * Moves a bill to another stage, dated {@code on} (today when null).
     *
     * @throws org.springframework.web.ErrorResponseException 409 naming the stage and the allowed ones
     *         when the stage is unknown or not reachable from the current one
     */
    @Transactional
    Bill move(String billId, String target, LocalDate on, String note) {
        Bill bill = store.billForUpdate(billId).orElseThrow(() -> Problems.notFound("no bill " + billId));
        List<String> allowed = bill.stage().next().stream().map(Stage::id).toList();
        Optional<Stage> next = Stage.find(target == null ? "" : target.strip());
        if (next.isEmpty() || !bill.stage().canMoveTo(next.get())) {
            throw DraftProblems.illegalTransition(billId, bill.stage().id(), target == null ? "" : target, allowed);
        }
        LocalDate date = on == null ? today() : on;
        if (date.isBefore(bill.stageSince())) {
            throw Problems.invalid("on", "the date " + date + " lies before the current stage began (" + bill.stageSince() + ")");
        }
        if (date.isAfter(today().plusDays(1))) {
            throw Problems.invalid("on", "the date " + date + " lies in the future");
        }
        List<StageEntry> history = store.history(billId);
        store.insert(billId, new StageEntry(history.size() + 1, bill.stage(), next.get(), date, text(note, "note"),
                Instant.now(clock), actor.get().username()));
        store.updateStage(billId, next.get(), date);
        events.publishEvent(new BillStageChanged(billId, bill.stage(), next.get(), date));
        return bill.withStage(next.get(), date);
    }

    // versions

    /** Stores the next version of a bill's draft from a text, with its wIds carried over from the last version. */
    @Transactional
    Added addVersion(String billId, String text, String format, String label) {
        Draft draft = parse(text);
        Bill bill = store.billForUpdate(billId).orElseThrow(() -> Problems.notFound("no bill " + billId));
        if (bill.stage() == Stage.WITHDRAWN || bill.stage().ordinal() >= Stage.ADOPTED.ordinal()
                && bill.stage() != Stage.SHELVED) {
            throw Problems.conflict("bill " + billId + " is in stage '" + bill.stage().id()
                    + "'; its text can no longer change");
        }
        int last = store.lastVersion(billId);
        int number = last + 1;
        Map<String, String> workIds;
        DraftComparison comparison;
        if (last == 0) {
            workIds = WorkIds.initial(draft);
            comparison = DraftComparison.between(new Draft(null, List.of(), List.of(), List.of()), draft);
        } else {
            StoredVersion previous = store.version(billId, last).orElseThrow();
            comparison = DraftComparison.between(previous.draft(), draft);
            workIds = WorkIds.carriedOver(previous.draft(), previous.workIds(), draft, comparison, store.workIds(billId),
                    number);
        }
        String title = draft.title() == null ? bill.title() : checkedTitle(draft.title());
        VersionSummary version = new VersionSummary(billId, number, bill.stage(), label(label), title,
                draft.articleCount(), null, Instant.now(clock), actor.get().username());
        store.insert(version, draft, workIds, format, text);
        events.publishEvent(new DraftVersionAdded(billId, number, bill.stage(), draft.articleCount()));
        return new Added(version, comparison);
    }

    int versionCount(String billId) {
        return store.lastVersion(billId);
    }

    List<VersionSummary> versions(String billId) {
        bill(billId);
        return store.versions(billId);
    }

    List<VersionSummary> publishedVersions() {
        return store.publishedVersions();
    }

    /** A version, if the current actor may read it: published ones anyone, others the drafting roles. */
    StoredVersion version(String billId, int version) {
        StoredVersion stored = store.version(billId, version)
                .orElseThrow(() -> Problems.notFound("bill " + billId + " has no version " + version));
        if (!stored.summary().published() && !mayReadDrafts(actor.get())) {
            throw Problems.forbidden("version " + version + " of bill " + billId + " is not published; only legislative"
                    + " staff, deputies, experts and contact-point staff read unpublished drafts");
        }
        return stored;
    }

    /** A published version, for anyone; unpublished ones are not found. */
    StoredVersion publishedVersion(String billId, int version) {
        return store.version(billId, version).filter(v -> v.summary().published())
                .orElseThrow(() -> Problems.notFound("bill " + billId + " has no published version " + version));
    }

    static boolean mayReadDrafts(Actor actor) {
        return actor.equals(Actor.SYSTEM) || actor.roles().stream().anyMatch(DRAFT_READERS::contains);
    }

    DraftComparison compare(String billId, int from, int to) {
        return DraftComparison.between(version(billId, from).draft(), version(billId, to).draft());
    }

    /** Publishes a version for comment (Legislation Law Art. 40); publishing twice changes nothing. */
    @Transactional
    VersionSummary publish(String billId, int version) {
        VersionSummary summary = store.summary(billId, version)
                .orElseThrow(() -> Problems.notFound("bill " + billId + " has no version " + version));
        if (!summary.published()) {
            store.markPublished(billId, version, Instant.now(clock));
            events.publishEvent(new DraftPublished(billId, version, summary.title()));
        }
        return store.summary(billId, version).orElseThrow();
    }

    private static Draft parse(String text) {
        return switch (DraftParser.parse(text)) {
            case ParseOutcome.Parsed parsed -> parsed.draft();
            case ParseOutcome.Rejected rejected -> throw DraftProblems.unreadable(rejected.problems());
        };
    }

    private static String checkedTitle(String title) {
        if (title == null || title.isBlank()) {
            throw Problems.invalid("title", "the bill needs a title: a first line (# title in Markdown) or ?title=");
        }
        if (title.length() > 300) {
            throw Problems.invalid("title", "a title has at most 300 characters");
        }
        return title.strip();
    }

    private static String label(String label) {
        return text(label, "label");
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200 && !field.equals("note") || value.length() > 1000) {
            throw Problems.invalid(field, field + " is too long");
        }
        return value.strip();
    }
}

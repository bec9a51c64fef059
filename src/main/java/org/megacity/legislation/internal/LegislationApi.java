package org.megacity.legislation.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.megacity.legislation.BillKind;
import org.megacity.legislation.EvidenceTable;
import org.megacity.legislation.PriorityArea;
import org.megacity.legislation.Stage;
import org.megacity.legislation.draft.AkomaNtoso;
import org.megacity.legislation.draft.ArticleChange;
import org.megacity.legislation.draft.DraftComparison;
import org.megacity.legislation.draft.DraftText;
import org.megacity.platform.PlainText;
import org.megacity.platform.Problems;
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
 * The legislation API: plans, bills and their stages, versions of drafts, diffs, Akoma Ntoso, and
 * the evidence panel. Legislative staff write; every signed-in account reads plans, bills and
 * evidence; unpublished drafts are read by legislative staff, deputies, experts and contact-point
 * staff; published drafts by anyone (also without signing in, under {@code /public}).
 */
@RestController
@RequestMapping("/api/v1/legislation")
class LegislationApi {

    private final Bills legislation;
    private final EvidencePanel evidence;

    LegislationApi(Bills legislation, EvidencePanel evidence) {
        this.legislation = legislation;
        this.evidence = evidence;
    }

    // views

    record PlanRequest(Integer year, String title) {
    }

    record PlanView(String id, int year, String title, Instant createdAt) {
    }

    record PlanBoard(String id, int year, String title, List<StageColumn> stages, Map<String, Long> areas) {
    }

    record StageColumn(String stage, String name, String nameEn, List<BillView> bills) {
    }

    record ItemRequest(String title, String area, String kind, String sponsor, String draftingBody,
            String targetSubmission, String targetAdoption, String stage) {
    }

    record BillView(String id, String planId, String title, String area, String areaName, String kind, String sponsor,
            String draftingBody, LocalDate targetSubmission, LocalDate targetAdoption, String stage, String stageName,
            LocalDate stageSince, List<String> allowedStages, int versions) {
    }

    record HistoryView(int seq, String from, String to, LocalDate on, String note, Instant recordedAt, String recordedBy) {
    }

    record VersionSummaryView(int version, String stage, String label, String title, int articleCount, boolean published,
            Instant publishedAt, Instant createdAt, String createdBy) {
    }

    record BillDetail(BillView bill, List<HistoryView> history, List<VersionSummaryView> versions) {
    }

    record Introduced(String id, BillView bill, VersionSummaryView version) {
    }

    record TransitionRequest(String to, String on, String note) {
    }

    record Counts(long added, long removed, long changed, long moved, long renumbered, long unchanged) {
        static Counts of(DraftComparison diff) {
            return new Counts(diff.count(ArticleChange.Kind.ADDED), diff.count(ArticleChange.Kind.REMOVED),
                    diff.count(ArticleChange.Kind.CHANGED), diff.count(ArticleChange.Kind.MOVED),
                    diff.count(ArticleChange.Kind.RENUMBERED), diff.count(ArticleChange.Kind.UNCHANGED));
        }
    }

    record VersionAdded(VersionSummaryView version, Counts changes) {
    }

    record Side(String eId, String wId, String num, String text) {
    }

    record ChangeView(String kind, boolean renumbered, boolean moved, double similarity, Side from, Side to,
            List<ArticleChange.TextEdit> edits) {
    }

    record DiffView(String billId, int from, int to, Counts counts, List<ChangeView> changes) {
    }

    record EvidenceView(String area, String areaName, YearMonth from, YearMonth to, int sources, boolean empty,
            List<EvidenceTable> tables, List<String> failed) {
    }

    // plans

    @GetMapping("/plans")
    @PreAuthorize("isAuthenticated()")
    List<PlanView> plans() {
        return legislation.plans().stream().map(p -> new PlanView(p.id(), p.year(), p.title(), p.createdAt())).toList();
    }

    @PostMapping(path = "/plans", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    ResponseEntity<PlanView> createPlan(@RequestBody PlanRequest request) {
        if (request.year() == null) {
            throw Problems.invalid("year", "a plan needs its year");
        }
        var plan = legislation.createPlan(request.year(), request.title());
        return ResponseEntity.created(URI.create("/api/v1/legislation/plans/" + plan.id()))
                .body(new PlanView(plan.id(), plan.year(), plan.title(), plan.createdAt()));
    }

    /** The plan as a board: its items by stage, and how many fall in each priority area. */
    @GetMapping("/plans/{id}")
    @PreAuthorize("isAuthenticated()")
    PlanBoard plan(@PathVariable String id) {
        var plan = legislation.plan(id);
        List<BillView> bills = legislation.bills(id).stream().map(this::view).toList();
        List<StageColumn> columns = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            columns.add(new StageColumn(stage.id(), stage.nameZh(), stage.nameEn(),
                    bills.stream().filter(b -> b.stage().equals(stage.id())).toList()));
        }
        Map<String, Long> areas = new LinkedHashMap<>();
        for (PriorityArea area : PriorityArea.values()) {
            areas.put(area.id(), bills.stream().filter(b -> b.area().equals(area.id())).count());
        }
        return new PlanBoard(plan.id(), plan.year(), plan.title(), columns, areas);
    }

    @PostMapping(path = "/plans/{id}/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    ResponseEntity<BillView> addItem(@PathVariable String id, @RequestBody ItemRequest item) {
        var bill = legislation.propose(details(item.title(), item.area(), item.kind(), item.sponsor(), item.draftingBody(),
                item.targetSubmission(), item.targetAdoption(), id, item.stage(), null));
        return ResponseEntity.created(URI.create("/api/v1/legislation/bills/" + bill.id())).body(view(bill));
    }

    // bills

    @GetMapping("/bills")
    @PreAuthorize("isAuthenticated()")
    List<BillView> bills(@RequestParam(required = false) String plan, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String area) {
        if (stage != null && Stage.find(stage).isEmpty()) {
            throw Problems.invalid("stage", "unknown stage '" + stage + "'; one of " + stageIds());
        }
        PriorityArea parsedArea = area == null ? null : parse("area", () -> PriorityArea.parse(area));
        return legislation.bills(plan).stream()
                .filter(b -> stage == null || b.stage().id().equals(stage))
                .filter(b -> parsedArea == null || b.area() == parsedArea)
                .map(this::view).toList();
    }

    /**
     * A bill and its first version from a regulation's text ({@code text/plain} or {@code text/markdown}).
     * Query parameters describe the bill; the title defaults to the text's.
     */
    @PostMapping(path = "/bills", consumes = {MediaType.TEXT_PLAIN_VALUE, "text/markdown"})
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    ResponseEntity<Introduced> introduce(HttpServletRequest request, @RequestParam(required = false) String title,
            @RequestParam(required = false) String area, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String sponsor, @RequestParam(required = false) String draftingBody,
            @RequestParam(required = false) String targetSubmission,
            @RequestParam(required = false) String targetAdoption, @RequestParam(required = false) String plan,
            @RequestParam(required = false) String stage, @RequestParam(required = false) String label) {
        var details = details(title, area, kind, sponsor, draftingBody, targetSubmission, targetAdoption, plan, stage, label);
        TextBody body = TextBody.read(request);
        var introduced = legislation.introduce(body.text(), body.format(), details);
        return ResponseEntity.created(URI.create("/api/v1/legislation/bills/" + introduced.bill().id()))
                .body(new Introduced(introduced.bill().id(), view(introduced.bill()), view(introduced.version())));
    }

    @GetMapping("/bills/{id}")
    @PreAuthorize("isAuthenticated()")
    BillDetail bill(@PathVariable String id) {
        var bill = legislation.bill(id);
        return new BillDetail(view(bill), legislation.history(id).stream().map(h -> new HistoryView(h.seq(),
                        h.from() == null ? null : h.from().id(), h.to().id(), h.on(), h.note(), h.recordedAt(),
                        h.recordedBy())).toList(),
                legislation.versions(id).stream().map(LegislationApi::view).toList());
    }

    /** Moves the bill to another stage: 409 naming its stage and the allowed ones when that is not possible. */
    @PostMapping(path = "/bills/{id}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    BillView move(@PathVariable String id, @RequestBody TransitionRequest request) {
        LocalDate on = date("on", request.on());
        return view(legislation.move(id, request.to(), on, request.note()));
    }

    // versions

    @GetMapping("/bills/{id}/versions")
    @PreAuthorize("isAuthenticated()")
    List<VersionSummaryView> versions(@PathVariable String id) {
        return legislation.versions(id).stream().map(LegislationApi::view).toList();
    }

    @PostMapping(path = "/bills/{id}/versions", consumes = {MediaType.TEXT_PLAIN_VALUE, "text/markdown"})
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    ResponseEntity<VersionAdded> addVersion(@PathVariable String id, HttpServletRequest request,
            @RequestParam(required = false) String label) {
        legislation.bill(id);
        TextBody body = TextBody.read(request);
        if (PlainText.problem(label) != null) {
            throw Problems.invalid("label", "the label " + PlainText.problem(label));
        }
        var added = legislation.addVersion(id, body.text(), body.format(), label);
        return ResponseEntity.created(URI.create("/api/v1/legislation/bills/" + id + "/versions/"
                + added.version().version())).body(new VersionAdded(view(added.version()), Counts.of(added.comparison())));
    }

    @GetMapping("/bills/{id}/versions/{version}")
    @PreAuthorize("isAuthenticated()")
    VersionView version(@PathVariable String id, @PathVariable int version) {
        return LegislationApi.structure(legislation.version(id, version));
    }

    @GetMapping("/bills/{id}/versions/{version}/text")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<String> text(@PathVariable String id, @PathVariable int version,
            @RequestParam(defaultValue = "plain") String format) {
        return text(legislation.version(id, version), format);
    }

    @GetMapping(path = "/bills/{id}/versions/{version}/akn")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<String> akn(@PathVariable String id, @PathVariable int version) {
        return akn(legislation, legislation.version(id, version));
    }

    @PostMapping("/bills/{id}/versions/{version}/publication")
    @PreAuthorize("hasRole('LEGISLATIVE_STAFF')")
    VersionSummaryView publish(@PathVariable String id, @PathVariable int version) {
        return view(legislation.publish(id, version));
    }

    /** The article-level diff between two versions (default: the last two). */
    @GetMapping("/bills/{id}/diff")
    @PreAuthorize("isAuthenticated()")
    DiffView diff(@PathVariable String id, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to) {
        int last = legislation.versions(id).size();
        int right = to == null ? last : to;
        int left = from == null ? right - 1 : from;
        if (left < 1 || right < 1 || left > last || right > last) {
            throw Problems.invalid(from == null || left < 1 ? "to" : "from",
                    "bill " + id + " has versions 1 to " + last + "; a diff needs two of them");
        }
        DraftComparison diff = legislation.compare(id, left, right);
        return new DiffView(id, left, right, Counts.of(diff), diff.changes().stream().map(c -> new ChangeView(
                c.kind().name().toLowerCase(), c.renumbered(), c.moved(), Math.round(c.similarity() * 1000) / 1000.0,
                c.from() == null ? null : new Side(c.from().eId(), null, c.from().number().text(), c.from().text()),
                c.to() == null ? null : new Side(c.to().eId(), null, c.to().number().text(), c.to().text()),
                c.edits())).toList());
    }

    @GetMapping("/bills/{id}/evidence")
    @PreAuthorize("isAuthenticated()")
    EvidenceView evidence(@PathVariable String id) {
        var bill = legislation.bill(id);
        var panel = evidence.of(bill.area(), YearMonth.now(Bills.CHINA));
        return new EvidenceView(bill.area().id(), bill.area().nameZh(), panel.from(), panel.to(), panel.sources(),
                panel.empty(), panel.tables(), panel.failed());
    }

    // shared with the public API

    static VersionView structure(StoredVersion v) {
        return VersionView.of(v.summary().billId(), v.summary().version(), v.summary().stage().id(), v.summary().label(),
                v.summary().publishedAt(), v.summary().createdAt(), v.draft(), v.workIds());
    }

    static ResponseEntity<String> text(StoredVersion v, String format) {
        boolean markdown = format.equals("markdown");
        if (!markdown && !format.equals("plain")) {
            throw Problems.invalid("format", "'plain' or 'markdown'");
        }
        return ResponseEntity.ok().contentType(new MediaType(markdown ? "text" : "text", markdown ? "markdown" : "plain",
                        java.nio.charset.StandardCharsets.UTF_8))
                .body(markdown ? DraftText.markdown(v.draft()) : DraftText.plain(v.draft()));
    }

    static ResponseEntity<String> akn(Bills legislation, StoredVersion v) {
        var bill = legislation.bill(v.summary().billId());
        StringWriter out = new StringWriter();
        LocalDate introduced = LocalDate.ofInstant(bill.createdAt(), Bills.CHINA);
        AkomaNtoso.write(v.draft(), v.workIds(), new AkomaNtoso.Identification(
                "/akn/cn/bill/" + introduced + "/" + bill.id(), introduced, v.summary().version(),
                LocalDate.ofInstant(v.summary().createdAt(), Bills.CHINA), bill.draftingBody(),
                legislation.today()), out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(AkomaNtoso.MEDIA_TYPE + ";charset=UTF-8"))
                .body(out.toString());
    }

    private BillView view(Bill bill) {
        return new BillView(bill.id(), bill.planId(), bill.title(), bill.area().id(), bill.area().nameZh(), bill.kind().id(),
                bill.sponsor(), bill.draftingBody(), bill.targetSubmission(), bill.targetAdoption(), bill.stage().id(),
                bill.stage().nameZh(), bill.stageSince(), bill.stage().next().stream().map(Stage::id).toList(),
                legislation.versionCount(bill.id()));
    }

    static VersionSummaryView view(VersionSummary v) {
        return new VersionSummaryView(v.version(), v.stage().id(), v.label(), v.title(), v.articleCount(), v.published(),
                v.publishedAt(), v.createdAt(), v.createdBy());
    }

    private static Bills.Details details(String title, String area, String kind, String sponsor,
            String draftingBody, String targetSubmission, String targetAdoption, String plan, String stage, String label) {
        List<Problems.Violation> bad = new java.util.ArrayList<>();
        PlainText.check(bad, "title", title);
        PlainText.check(bad, "sponsor", sponsor);
        PlainText.check(bad, "draftingBody", draftingBody);
        PlainText.check(bad, "plan", plan);
        PlainText.check(bad, "label", label);
        if (!bad.isEmpty()) {
            throw Problems.invalid(bad);
        }
        return new Bills.Details(title,
                area == null ? null : parse("area", () -> PriorityArea.parse(area)),
                kind == null ? null : parse("kind", () -> BillKind.parse(kind)), sponsor, draftingBody,
                date("targetSubmission", targetSubmission), date("targetAdoption", targetAdoption), plan,
                stage == null ? null : Stage.find(stage).orElseThrow(() -> Problems.invalid("stage",
                        "unknown stage '" + stage + "'; one of " + stageIds())), label);
    }

    private static String stageIds() {
        return String.join(", ", Arrays.stream(Stage.values()).map(Stage::id).toList());
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, e.getMessage());
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

}

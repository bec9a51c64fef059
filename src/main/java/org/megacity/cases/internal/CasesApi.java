package org.megacity.cases.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.megacity.cases.CaseStatus;
import org.megacity.cases.Channel;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.organization.Departments;
import org.megacity.platform.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cases API: report, read, list with filters, act, history, KPIs, and the catalogue. Who may do
 * what is decided per case by role and jurisdiction (see {@link Action}); reads show only cases
 * within the caller's reach.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CasesApi {

    private final CaseService cases;
    private final CaseQueries queries;
    private final CaseViews views;
    private final CurrentActor current;
    private final CaseStore store;
    private final Departments departments;

    CasesApi(CaseService cases, CaseQueries queries, CaseViews views, CurrentActor current, CaseStore store,
            Departments departments) {
        this.cases = cases;
        this.queries = queries;
        this.views = views;
        this.current = current;
        this.store = store;
        this.departments = departments;
    }

    record CreateRequest(String channel, String category, String hotlineType, String title, String description,
            String address, Double lon, Double lat, String componentCode, String sourceRef, String reporterName,
            String reporterPhone, String reporterEmail, String mediaUrl) {
    }


    /** The request header that makes a report idempotent (IETF draft "The Idempotency-Key HTTP Header Field"). */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /**
     * Files a report. With an {@value #IDEMPOTENCY_KEY} header, at most once per key and account: a
     * retry answers 201 with the case the first request filed and {@code Idempotent-Replayed: true};
     * the key reused for a different report is 422 (see {@link CaseService#createOnce}).
     */
    @PostMapping
    ResponseEntity<CaseViews.CaseView> create(@RequestBody CreateRequest in,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        Actor actor = current.get();
        String key = IntakeKeys.checked(IDEMPOTENCY_KEY, idempotencyKey);
        Channel channel;
        try {
            channel = in.channel() == null || in.channel().isBlank() ? null : Channel.parse(in.channel());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("channel", e.getMessage());
        }
        if (channel == Channel.SENSOR || channel == Channel.OPEN311) {
            throw Problems.invalid("channel", channel.id() + " reports come through their own intake");
        }
        CaseService.Reported reported = cases.createOnce(actor, new CaseService.NewCase(channel, in.category(),
                in.hotlineType(), in.title(), in.description(), in.address(), in.lon(), in.lat(), in.componentCode(),
                in.sourceRef(), in.reporterName(), in.reporterPhone(), in.reporterEmail(), in.mediaUrl()), key);
        CaseFile c = reported.file();
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/v1/cases/" + c.id));
        if (reported.replayed()) {
            created.header("Idempotent-Replayed", "true");
        }
        return created.body(views.of(actor, c));
    }

    @GetMapping("/{id}")
    CaseViews.CaseView get(@PathVariable long id) {
        Actor actor = current.get();
        return views.of(actor, visible(actor, id));
    }

    private CaseFile visible(Actor actor, long id) {
        return cases.find(id).filter(c -> CaseService.sees(actor, c)).orElseThrow(() -> Problems.notFound("no case " + id));
    }

    @GetMapping("/{id}/history")
    List<CaseStore.HistoryEntry> history(@PathVariable long id) {
        visible(current.get(), id);
        return store.history(id);
    }

    @GetMapping
    List<CaseViews.CaseView> list(@RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String division, @RequestParam(required = false) String department,
            @RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Actor actor = current.get();
        List<CaseStatus> statuses = new ArrayList<>();
        if (status != null) {
            for (String s : status) {
                for (String part : s.split(",")) {
                    try {
                        statuses.add(CaseStatus.parse(part.trim()));
                    } catch (IllegalArgumentException e) {
                        throw Problems.invalid("status", e.getMessage());
                    }
                }
            }
        }
        Channel ch;
        try {
            ch = channel == null ? null : Channel.parse(channel);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("channel", e.getMessage());
        }
        if (limit < 1 || limit > 1000) {
            throw Problems.invalid("limit", "from 1 to 1000");
        }
        if (offset < 0) {
            throw Problems.invalid("offset", "not negative");
        }
        return queries.list(actor, new CaseQueries.Filter(statuses, category, ch, division, department, overdue,
                cases.now(), limit, offset)).stream().map(c -> views.of(actor, c)).toList();
    }

    record ActionRequest(String reason, String evidence, String department, Long into, String extension,
            Integer satisfaction, Integer version) {
    }

    @PostMapping("/{id}/actions/{action}")
    CaseViews.CaseView act(@PathVariable long id, @PathVariable String action,
            @RequestBody(required = false) ActionRequest in) {
        Actor actor = current.get();
        CaseService.ActionInput input = in == null ? CaseService.ActionInput.NONE
                : new CaseService.ActionInput(in.reason(), in.evidence(), in.department(), in.into(), in.extension(),
                        in.satisfaction(), in.version());
        return views.of(actor, cases.act(actor, id, action, input));
    }

    record KpiView(String key, String name, String nameEn, long filed, long closed, long closedOnTime, long responded,
            long evaluated, long satisfied, double closureRate, double onTimeClosureRate, double responseRate,
            Double meanHandlingWorkingHours, Double meanSatisfaction, double satisfactionRate) {
    }

    @GetMapping("/kpis")
    Map<String, Object> kpis(@RequestParam(defaultValue = "department") String groupBy,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        if (!CaseQueries.GROUPS.containsKey(groupBy)) {
            throw Problems.invalid("groupBy", "one of department, district, category");
        }
        Instant f = day("from", from);
        Instant t = day("to", to);
        Actor actor = current.get();
        List<KpiView> rows = new ArrayList<>();
        long filed = 0;
        long closed = 0;
        for (CaseQueries.KpiRow r : queries.kpis(actor, groupBy, f, t)) {
            String[] names = names(groupBy, r.key());
            rows.add(new KpiView(r.key(), names[0], names[1], r.filed(), r.closed(), r.closedOnTime(), r.responded(),
                    r.evaluated(), r.satisfied(), r.closureRate(), r.onTimeClosureRate(), r.responseRate(),
                    r.meanHandlingHours(), r.meanSatisfaction(), r.satisfactionRate()));
            filed += r.filed();
            closed += r.closed();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("groupBy", groupBy);
        out.put("from", from);
        out.put("to", to);
        out.put("filed", filed);
        out.put("closed", closed);
        out.put("closureRate", filed == 0 ? 0 : (double) closed / filed);
        out.put("rows", rows);
        return out;
    }

    private String[] names(String groupBy, String key) {
        return switch (groupBy) {
            case "category" -> cases.catalogue().category(key).map(c -> new String[] {c.name(), c.nameEn()})
                    .orElse(new String[] {key, key});
            case "department" -> departments.find(org.megacity.organization.DepartmentCode.of(key))
                    .map(d -> new String[] {d.name(), d.nameEn()}).orElse(new String[] {key, key});
            default -> new String[] {key, key};
        };
    }

    /** A day ({@code 2026-11-01}, from its start in the calendar's zone) or an instant. */
    private Instant day(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(cases.calendar().zone()).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "a date (2026-11-01) or an instant (2026-11-01T00:00:00Z)");
        }
    }

    record CategoryView(String code, String kind, String major, String majorName, String majorNameEn, String name,
            String nameEn, String department, String dispatch, String handle, String verify) {
    }

    @GetMapping("/categories")
    List<CategoryView> categories() {
        return cases.catalogue().categories().stream().map(c -> new CategoryView(c.code(), c.kind(), c.major(),
                c.majorName(), c.majorNameEn(), c.name(), c.nameEn(), c.department(), c.dispatch().toString(),
                c.handle().toString(), c.verify().toString())).toList();
    }

    record HotlineTypeView(String code, String name, String nameEn, String handle) {
    }

    @GetMapping("/hotline-types")
    List<HotlineTypeView> hotlineTypes() {
        return cases.catalogue().hotlineTypes().stream()
                .map(t -> new HotlineTypeView(t.code(), t.name(), t.nameEn(), t.handle().toString())).toList();
    }
}

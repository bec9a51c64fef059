package org.megacity.representatives.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.megacity.identity.Actor;
import org.megacity.identity.Role;
import org.megacity.organization.DepartmentCode;
import org.megacity.organization.Departments;
import org.megacity.platform.Problems;
import org.megacity.worktime.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deputies' suggestions, criticisms and opinions and their handling on the regulation's deadlines.
 * Every action checks the actor's role, their unit (a department handler bound to the unit's
 * department) and the suggestion's state and version, and runs in one transaction: an action that
 * is refused changes nothing. Congress staff's work (receiving, assigning, asking for re-handling)
 * is done by {@link Role#LEGISLATIVE_STAFF} (the 人代工委's staff).
 */
@Service
class Suggestions {

    enum State { SUBMITTED, RETURNED, ASSIGNED, REPLIED, UNSATISFIED, REHANDLING, COMMITTED, CLOSED }

    enum Category { SOLVED, PLANNED, IN_PLAN, REFERENCE }

    enum Evaluation { SATISFIED, BASICALLY_SATISFIED, UNSATISFIED }

    enum Kind { ASSIGN, REASSIGN, CONTACT, CO_VIEW, REPLY, EVALUATE, REHANDLE, COMMITMENT }

    static final List<String> ACTIONS = List.of("assign", "return", "contact", "co-view", "reply", "evaluate",
            "request-rehandling", "close", "fulfil");

    static final class Suggestion {
        String id;
        long number;
        String title;
        String body;
        String topic;
        boolean duringSession;
        String deputyId;
        List<String> cosigners;
        String proposedUnit;
        String leadUnit;
        List<String> coUnits;
        boolean hard;
        State state;
        Category category;
        LocalDate plannedDate;
        boolean rehandled;
        boolean fulfilled;
        Evaluation evaluation;
        boolean contacted;
        int version;
        Instant submittedAt;
        Instant assignedAt;
    }

    record Deadline(String id, String kind, String unit, Instant dueAt, Instant doneAt, boolean cancelled,
            Instant remindedAt) {
        boolean pending() {
            return doneAt == null && !cancelled;
        }
    }

    record Event(int seq, String action, String actor, String unit, String detail, Instant at) {
    }

    /** The body of an action: what each action needs, the rest ignored. */
    record ActionInput(Integer version, String leadUnit, List<String> coUnits, Boolean hard, String reason, String view,
            String category, String plannedDate, String text, String evaluation, String comment) {
    }

    record Submission(String title, String body, String topic, Boolean duringSession, List<String> cosigners,
            String proposedUnit) {
    }

    private final JdbcClient jdbc;
    private final Registry registry;
    private final Departments departments;
    private final WorkingCalendar calendar;
    volatile Clock clock = Clock.systemUTC();

    Suggestions(JdbcClient jdbc, Registry registry, Departments departments, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.departments = departments;
        this.calendar = calendar;
    }

    Instant now() {
        return clock.instant();
    }

    /** Tests move time; set through the bean (not its field) so the proxy reaches the service. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    /** A deadline past the published calendars is never guessed: the action is refused until the city publishes one. */
    private static RuntimeException noCalendar(org.megacity.worktime.NoCalendarForYear e) {
        return Problems.conflict("no-working-calendar: " + e.getMessage()
                + "; the deadline cannot be computed until the working calendar of that year is published");
    }

    Instant returnBy(Instant assigned) {
        return Deadlines.returnBy(calendar, assigned);
    }

    // submission

    @Transactional
    Suggestion submit(Actor actor, Submission in) {
        return submitAt(actor, in, now());
    }

    /** {@link #submit} at a given time (the demo seeds a past year the calendar covers). */
    @Transactional
    Suggestion submitAt(Actor actor, Submission in, Instant now) {
        try {
            return doSubmit(actor, in, now);
        } catch (org.megacity.worktime.NoCalendarForYear e) {
            throw noCalendar(e);
        }
    }

    private Suggestion doSubmit(Actor actor, Submission in, Instant now) {
        if (!actor.has(Role.DEPUTY)) {
            throw Problems.forbidden("only deputies submit suggestions");
        }
        Registry.Deputy deputy = registry.deputyOf(actor.username()).orElseThrow(() ->
                Problems.forbidden("account " + actor.username() + " is not bound to a deputy in the registry"));
        List<Problems.Violation> errors = new ArrayList<>();
        if (Registry.blank(in.title()) || in.title().length() > 300) {
            errors.add(new Problems.Violation("title", "required, at most 300 characters"));
        }
        if (Registry.blank(in.body()) || in.body().length() > 20000) {
            errors.add(new Problems.Violation("body", "required, at most 20000 characters"));
        }
        if (Registry.blank(in.topic()) || in.topic().length() > 40) {
            errors.add(new Problems.Violation("topic", "required, at most 40 characters"));
        }
        List<String> cosigners = in.cosigners() == null ? List.of() : in.cosigners();
        for (int i = 0; i < cosigners.size(); i++) {
            String c = cosigners.get(i);
            if (c == null || c.equals(deputy.id()) || registry.deputy(c).isEmpty()) {
                errors.add(new Problems.Violation("cosigners[" + i + "]", "not another deputy of the registry"));
            }
        }
        if (in.proposedUnit() != null && !unitExists(in.proposedUnit())) {
            errors.add(new Problems.Violation("proposedUnit", "no department " + in.proposedUnit()));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        String id = UUID.randomUUID().toString();
        long number = jdbc.sql("select coalesce(max(number), 0) + 1 from rep_suggestion").query(Long.class).single();
        jdbc.sql("insert into rep_suggestion (id, number, title, body, topic, during_session, deputy_id, cosigners,"
                        + " proposed_unit, co_units, hard, state, rehandled, fulfilled, contacted, version, submitted_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, '', false, ?, false, false, false, 1, ?)")
                .params(id, number, in.title().strip(), in.body(), in.topic().strip(), Boolean.TRUE.equals(in.duringSession()),
                        deputy.id(), String.join(",", new LinkedHashSet<>(cosigners)), in.proposedUnit(),
                        State.SUBMITTED.name(), Timestamp.from(now)).update();
        event(id, "submit", actor, null, in.title().strip(), now);
        deadline(id, Kind.ASSIGN, null, Deadlines.assignBy(calendar, now));
        return find(id).orElseThrow();
    }

    // actions

    @Transactional
    Suggestion act(Actor actor, String id, String action, ActionInput in) {
        return actAt(actor, id, action, in, now());
    }

    /** {@link #act} at a given time (the demo). */
    @Transactional
    Suggestion actAt(Actor actor, String id, String action, ActionInput in, Instant now) {
        try {
            return doAct(actor, id, action, in, now);
        } catch (org.megacity.worktime.NoCalendarForYear e) {
            throw noCalendar(e);
        }
    }

    private Suggestion doAct(Actor actor, String id, String action, ActionInput in, Instant now) {
        Suggestion s = find(id).orElseThrow(() -> Problems.notFound("no suggestion " + id));
        if (!ACTIONS.contains(action)) {
            throw Problems.notFound("no action '" + action + "'; actions are " + ACTIONS);
        }
        if (in == null || in.version() == null) {
            throw Problems.invalid("version", "required: the version the action was decided on");
        }
        String unit = null;
        String detail;
        switch (action) {
            case "assign" -> {
                staff(actor, "assigns suggestions");
                state(s, action, State.SUBMITTED, State.RETURNED);
                List<Problems.Violation> errors = new ArrayList<>();
                if (in.leadUnit() == null || !unitExists(in.leadUnit())) {
                    errors.add(new Problems.Violation("leadUnit", "no department " + in.leadUnit()));
                }
                List<String> co = in.coUnits() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.coUnits()));
                for (int i = 0; i < co.size(); i++) {
                    if (co.get(i) == null || !unitExists(co.get(i)) || co.get(i).equals(in.leadUnit())) {
                        errors.add(new Problems.Violation("coUnits[" + i + "]", "a department other than the lead unit"));
                    }
                }
                if (!errors.isEmpty()) {
                    throw Problems.invalid(errors);
                }
                version(s, in);
                complete(id, Kind.ASSIGN, null, now);
                complete(id, Kind.REASSIGN, null, now);
                s.leadUnit = in.leadUnit();
                s.coUnits = co;
                s.hard = Boolean.TRUE.equals(in.hard());
                s.assignedAt = now;
                s.contacted = false;
                s.state = State.ASSIGNED;
                deadline(id, Kind.CONTACT, s.leadUnit, Deadlines.contactBy(calendar, now));
                for (String c : co) {
                    deadline(id, Kind.CO_VIEW, c, Deadlines.coViewBy(calendar, now));
                }
                deadline(id, Kind.REPLY, s.leadUnit, Deadlines.replyBy(calendar, now, s.hard));
                unit = s.leadUnit;
                detail = "lead " + s.leadUnit + (co.isEmpty() ? "" : ", co " + String.join(" ", co))
                        + (s.hard ? ", broad or hard (6 months)" : "");
            }
            case "return" -> {
                unit = leadHandler(actor, s);
                state(s, action, State.ASSIGNED);
                Instant by = Deadlines.returnBy(calendar, s.assignedAt);
                if (now.isAfter(by)) {
                    throw Problems.conflict("return-window-closed: a unit asks to return a suggestion within "
                            + Deadlines.RETURN_DAYS + " working days of assignment (Art. 16); the window ended at " + by);
                }
                if (Registry.blank(in.reason())) {
                    throw Problems.invalid("reason", "required: why the unit is not responsible");
                }
                version(s, in);
                cancelPending(id);
                s.state = State.RETURNED;
                s.leadUnit = null;
                s.coUnits = List.of();
                deadline(id, Kind.REASSIGN, null, Deadlines.reassignBy(calendar, now));
                detail = in.reason().strip();
            }
            case "contact" -> {
                unit = leadHandler(actor, s);
                state(s, action, State.ASSIGNED, State.REHANDLING);
                if (s.state == State.ASSIGNED && s.contacted) {
                    throw Problems.conflict("already-contacted: the unit has already contacted the deputy");
                }
                version(s, in);
                complete(id, Kind.CONTACT, s.leadUnit, now);
                s.contacted = true;
                detail = in.text();
            }
            case "co-view" -> {
                state(s, action, State.ASSIGNED);
                requireRole(actor, Role.DEPARTMENT_HANDLER, "co-handling units send views");
                unit = s.coUnits.stream().filter(u -> actor.jurisdiction().coversDepartment(u))
                        .filter(u -> pendingOf(id, Kind.CO_VIEW, u).isPresent()).findFirst()
                        .orElseThrow(() -> Problems.forbidden("wrong-unit: the actor's department is not a co-handling"
                                + " unit with a view outstanding on suggestion " + s.number));
                if (Registry.blank(in.view())) {
                    throw Problems.invalid("view", "required");
                }
                version(s, in);
                complete(id, Kind.CO_VIEW, unit, now);
                detail = in.view().strip();
            }
            case "reply" -> {
                unit = leadHandler(actor, s);
                state(s, action, State.ASSIGNED, State.REHANDLING);
                if (!s.contacted) {
                    throw Problems.conflict("not-contacted: the unit contacts the deputy before replying (Art. 18)");
                }
                Category category = parse(Category.class, in.category(), "category");
                LocalDate planned = null;
                if (in.plannedDate() != null && !in.plannedDate().isBlank()) {
                    try {
                        planned = LocalDate.parse(in.plannedDate());
                    } catch (RuntimeException e) {
                        throw Problems.invalid("plannedDate", "a date yyyy-MM-dd");
                    }
                }
                if (category == Category.PLANNED && planned == null) {
                    throw Problems.invalid("plannedDate", "required when the problem is planned to be solved");
                }
                if (Registry.blank(in.text())) {
                    throw Problems.invalid("text", "required: the reply letter");
                }
                version(s, in);
                if (s.state == State.REHANDLING) {
                    complete(id, Kind.REHANDLE, s.leadUnit, now);
                    s.rehandled = true;
                } else {
                    complete(id, Kind.REPLY, s.leadUnit, now);
                }
                s.category = category;
                s.plannedDate = planned;
                s.evaluation = null;
                s.state = State.REPLIED;
                deadline(id, Kind.EVALUATE, null, Deadlines.evaluateBy(calendar, now));
                detail = category + (planned == null ? "" : " by " + planned) + ": " + in.text().strip();
            }
            case "evaluate" -> {
                requireRole(actor, Role.DEPUTY, "the deputy evaluates the reply");
                Registry.Deputy me = registry.deputyOf(actor.username()).orElse(null);
                if (me == null || !me.id().equals(s.deputyId)) {
                    throw Problems.forbidden("not-the-proposer: only the deputy who submitted suggestion " + s.number
                            + " evaluates its reply");
                }
                state(s, action, State.REPLIED);
                Deadline due = pendingOf(id, Kind.EVALUATE, null).orElseThrow();
                if (now.isAfter(due.dueAt())) {
                    throw Problems.conflict("evaluation-period-ended: the deputy evaluates within "
                            + Deadlines.EVALUATE_DAYS + " working days of the reply (Arts. 27, 29); the period ended at "
                            + due.dueAt());
                }
                Evaluation evaluation = parse(Evaluation.class, in.evaluation(), "evaluation");
                if (evaluation == Evaluation.UNSATISFIED && Registry.blank(in.comment())) {
                    throw Problems.invalid("comment", "required when unsatisfied: the specific opinion (Art. 27)");
                }
                version(s, in);
                complete(id, Kind.EVALUATE, null, now);
                s.evaluation = evaluation;
                boolean commitment = (s.category == Category.PLANNED || s.category == Category.IN_PLAN) && !s.fulfilled;
                if (evaluation == Evaluation.UNSATISFIED && !s.rehandled && !s.fulfilled) {
                    s.state = State.UNSATISFIED;
                } else if (commitment && evaluation != Evaluation.UNSATISFIED) {
                    s.state = State.COMMITTED;
                    if (s.plannedDate != null) {
                        deadline(id, Kind.COMMITMENT, s.leadUnit, Deadlines.endOf(calendar, s.plannedDate));
                    }
                } else {
                    s.state = State.CLOSED;
                }
                detail = evaluation + (Registry.blank(in.comment()) ? "" : ": " + in.comment().strip());
            }
            case "request-rehandling" -> {
                staff(actor, "ask a unit to handle a suggestion again");
                state(s, action, State.UNSATISFIED);
                version(s, in);
                s.state = State.REHANDLING;
                deadline(id, Kind.REHANDLE, s.leadUnit, Deadlines.rehandleBy(calendar, now));
                unit = s.leadUnit;
                detail = in.reason();
            }
            case "close" -> {
                staff(actor, "close a suggestion without re-handling");
                state(s, action, State.UNSATISFIED);
                version(s, in);
                s.state = State.CLOSED;
                detail = in.reason();
            }
            case "fulfil" -> {
                unit = leadHandler(actor, s);
                state(s, action, State.COMMITTED);
                if (Registry.blank(in.text())) {
                    throw Problems.invalid("text", "required: how the commitment was fulfilled");
                }
                version(s, in);
                complete(id, Kind.COMMITMENT, s.leadUnit, now);
                s.fulfilled = true;
                s.evaluation = null;
                s.state = State.REPLIED;
                deadline(id, Kind.EVALUATE, null, Deadlines.evaluateBy(calendar, now));
                detail = in.text().strip();
            }
            default -> throw new IllegalStateException(action);
        }
        save(s);
        event(id, action, actor, unit, detail, now);
        return find(id).orElseThrow();
    }

    private void staff(Actor actor, String what) {
        requireRole(actor, Role.LEGISLATIVE_STAFF, "congress staff (legislative staff) " + what);
    }

    private static void requireRole(Actor actor, Role role, String why) {
        if (!actor.has(role)) {
            throw Problems.forbidden("wrong-role: " + why + "; the actor is not " + role.name());
        }
    }

    /** The lead unit, when the actor is a handler bound to its department. */
    private static String leadHandler(Actor actor, Suggestion s) {
        requireRole(actor, Role.DEPARTMENT_HANDLER, "the lead unit acts");
        if (s.leadUnit == null || !actor.jurisdiction().coversDepartment(s.leadUnit)) {
            throw Problems.forbidden("wrong-unit: suggestion " + s.number + " is "
                    + (s.leadUnit == null ? "not assigned to a unit" : "led by " + s.leadUnit)
                    + ", not by the actor's department");
        }
        return s.leadUnit;
    }

    private static void state(Suggestion s, String action, State... allowed) {
        if (!Arrays.asList(allowed).contains(s.state)) {
            throw Problems.conflict("out-of-order: '" + action + "' is not possible while suggestion " + s.number
                    + " is " + s.state + " (possible when " + Arrays.toString(allowed) + ")");
        }
    }

    private static void version(Suggestion s, ActionInput in) {
        if (in.version() != s.version) {
            throw Problems.conflict("stale-version: suggestion " + s.number + " is at version " + s.version
                    + ", the action was decided on version " + in.version());
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(value.replace('-', '_'))) {
                    return e;
                }
            }
        }
        throw Problems.invalid(field, "one of " + Arrays.toString(type.getEnumConstants()));
    }

    private boolean unitExists(String code) {
        try {
            return departments.find(DepartmentCode.of(code)).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // storage

    private void save(Suggestion s) {
        int updated = jdbc.sql("update rep_suggestion set lead_unit = ?, co_units = ?, hard = ?, state = ?, reply_category = ?,"
                        + " planned_date = ?, rehandled = ?, fulfilled = ?, evaluation = ?, contacted = ?, assigned_at = ?,"
                        + " version = version + 1 where id = ? and version = ?")
                .params(s.leadUnit, String.join(",", s.coUnits), s.hard, s.state.name(),
                        s.category == null ? null : s.category.name(), s.plannedDate, s.rehandled, s.fulfilled,
                        s.evaluation == null ? null : s.evaluation.name(), s.contacted,
                        s.assignedAt == null ? null : Timestamp.from(s.assignedAt), s.id, s.version)
                .update();
        if (updated != 1) {
            throw Problems.conflict("stale-version: suggestion " + s.number + " was changed meanwhile");
        }
    }

    private void event(String id, String action, Actor actor, String unit, String detail, Instant at) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from rep_suggestion_event where suggestion_id = ?")
                .param(id).query(Integer.class).single();
        jdbc.sql("insert into rep_suggestion_event (suggestion_id, seq, action, actor, unit, detail, happened_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, seq, action, actor.username(), unit,
                        detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail,
                        Timestamp.from(at)).update();
    }

    private void deadline(String id, Kind kind, String unit, Instant due) {
        jdbc.sql("insert into rep_deadline (id, suggestion_id, kind, unit, due_at, cancelled) values (?, ?, ?, ?, ?, false)")
                .params(UUID.randomUUID().toString(), id, kind.name(), unit, Timestamp.from(due)).update();
    }

    private void complete(String id, Kind kind, String unit, Instant at) {
        jdbc.sql("update rep_deadline set done_at = ? where suggestion_id = ? and kind = ? and done_at is null"
                        + " and cancelled = false" + (unit == null ? "" : " and unit = ?"))
                .params(unit == null ? List.of(Timestamp.from(at), id, kind.name())
                        : List.of(Timestamp.from(at), id, kind.name(), unit)).update();
    }

    private void cancelPending(String id) {
        jdbc.sql("update rep_deadline set cancelled = true where suggestion_id = ? and done_at is null").param(id).update();
    }

    private Optional<Deadline> pendingOf(String id, Kind kind, String unit) {
        return deadlines(id).stream().filter(Deadline::pending).filter(d -> d.kind().equals(kind.name()))
                .filter(d -> unit == null || unit.equals(d.unit())).findFirst();
    }

    Optional<Suggestion> find(String id) {
        return jdbc.sql("select * from rep_suggestion where id = ?").param(id).query(Suggestions::suggestion).optional();
    }

    List<Suggestion> all() {
        return jdbc.sql("select * from rep_suggestion order by number desc").query(Suggestions::suggestion).list();
    }

    /** Suggestions with a pending deadline past due. */
    Set<String> overdueIds(Instant now) {
        return new LinkedHashSet<>(jdbc.sql("select distinct suggestion_id from rep_deadline where done_at is null"
                + " and cancelled = false and due_at < ?").param(Timestamp.from(now)).query(String.class).list());
    }

    List<Deadline> deadlines(String id) {
        return jdbc.sql("select * from rep_deadline where suggestion_id = ? order by due_at").param(id)
                .query(Suggestions::deadline).list();
    }

    List<Event> history(String id) {
        return jdbc.sql("select * from rep_suggestion_event where suggestion_id = ? order by seq").param(id)
                .query((rs, n) -> new Event(rs.getInt("seq"), rs.getString("action"), rs.getString("actor"),
                        rs.getString("unit"), rs.getString("detail"), instant(rs, "happened_at"))).list();
    }

    /** Marks the pending deadlines due within {@code days} working days as reminded; returns how many. */
    @Transactional
    int markReminders(int days) {
        Instant now = now();
        Instant horizon = calendar.plusWorkingDays(now, days);
        return jdbc.sql("update rep_deadline set reminded_at = ? where done_at is null and cancelled = false"
                        + " and reminded_at is null and due_at <= ?")
                .params(Timestamp.from(now), Timestamp.from(horizon)).update();
    }

    /** Pending deadlines already reminded of (upcoming or overdue), soonest first, with their suggestion. */
    List<Map<String, Object>> reminders() {
        return jdbc.sql("select d.suggestion_id, d.kind, d.unit, d.due_at, d.reminded_at, s.number, s.title, s.lead_unit,"
                        + " s.deputy_id from rep_deadline d join rep_suggestion s on s.id = d.suggestion_id"
                        + " where d.done_at is null and d.cancelled = false and d.reminded_at is not null order by d.due_at")
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("suggestionId", rs.getString("suggestion_id"));
                    m.put("number", rs.getLong("number"));
                    m.put("title", rs.getString("title"));
                    m.put("kind", rs.getString("kind"));
                    m.put("unit", rs.getString("unit"));
                    m.put("leadUnit", rs.getString("lead_unit"));
                    m.put("deputyId", rs.getString("deputy_id"));
                    m.put("dueAt", instant(rs, "due_at"));
                    m.put("remindedAt", instant(rs, "reminded_at"));
                    return m;
                }).list();
    }

    /** The public handling report: per lead unit, replies on time, categories and the deputies' evaluations. */
    List<Map<String, Object>> report() {
        Map<String, Map<String, Object>> units = new java.util.TreeMap<>();
        Instant now = now();
        for (Suggestion s : all()) {
            if (s.leadUnit == null) {
                continue;
            }
            Map<String, Object> u = units.computeIfAbsent(s.leadUnit, k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("unit", k);
                m.put("assigned", 0L);
                m.put("replied", 0L);
                m.put("repliedOnTime", 0L);
                m.put("overdue", 0L);
                m.put("categories", new java.util.TreeMap<String, Long>());
                m.put("evaluations", new java.util.TreeMap<String, Long>());
                return m;
            });
            u.merge("assigned", 1L, (a, b) -> (Long) a + (Long) b);
            for (Deadline d : deadlines(s.id)) {
                if (d.kind().equals(Kind.REPLY.name()) && d.doneAt() != null) {
                    u.merge("replied", 1L, (a, b) -> (Long) a + (Long) b);
                    if (!d.doneAt().isAfter(d.dueAt())) {
                        u.merge("repliedOnTime", 1L, (a, b) -> (Long) a + (Long) b);
                    }
                }
                if (d.pending() && d.dueAt().isBefore(now) && !d.kind().equals(Kind.EVALUATE.name())) {
                    u.merge("overdue", 1L, (a, b) -> (Long) a + (Long) b);
                }
            }
            if (s.category != null) {
                @SuppressWarnings("unchecked")
                Map<String, Long> c = (Map<String, Long>) u.get("categories");
                c.merge(s.category.name(), 1L, Long::sum);
            }
            if (s.evaluation != null) {
                @SuppressWarnings("unchecked")
                Map<String, Long> e = (Map<String, Long>) u.get("evaluations");
                e.merge(s.evaluation.name(), 1L, Long::sum);
            }
        }
        for (Map<String, Object> u : units.values()) {
            long replied = (Long) u.get("replied");
            u.put("onTimeRate", replied == 0 ? null : Math.round(1000.0 * (Long) u.get("repliedOnTime") / replied) / 1000.0);
        }
        return new ArrayList<>(units.values());
    }

    private static Suggestion suggestion(ResultSet rs, int n) throws SQLException {
        Suggestion s = new Suggestion();
        s.id = rs.getString("id");
        s.number = rs.getLong("number");
        s.title = rs.getString("title");
        s.body = rs.getString("body");
        s.topic = rs.getString("topic");
        s.duringSession = rs.getBoolean("during_session");
        s.deputyId = rs.getString("deputy_id");
        s.cosigners = split(rs.getString("cosigners"));
        s.proposedUnit = rs.getString("proposed_unit");
        s.leadUnit = rs.getString("lead_unit");
        s.coUnits = split(rs.getString("co_units"));
        s.hard = rs.getBoolean("hard");
        s.state = State.valueOf(rs.getString("state"));
        String c = rs.getString("reply_category");
        s.category = c == null ? null : Category.valueOf(c);
        s.plannedDate = rs.getObject("planned_date", LocalDate.class);
        s.rehandled = rs.getBoolean("rehandled");
        s.fulfilled = rs.getBoolean("fulfilled");
        String e = rs.getString("evaluation");
        s.evaluation = e == null ? null : Evaluation.valueOf(e);
        s.contacted = rs.getBoolean("contacted");
        s.version = rs.getInt("version");
        s.submittedAt = instant(rs, "submitted_at");
        s.assignedAt = instant(rs, "assigned_at");
        return s;
    }

    private static Deadline deadline(ResultSet rs, int n) throws SQLException {
        return new Deadline(rs.getString("id"), rs.getString("kind"), rs.getString("unit"), instant(rs, "due_at"),
                instant(rs, "done_at"), rs.getBoolean("cancelled"), instant(rs, "reminded_at"));
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

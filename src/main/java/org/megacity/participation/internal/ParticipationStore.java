package org.megacity.participation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.megacity.participation.Channel;
import org.megacity.participation.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The participation tables. */
@Repository
class ParticipationStore {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    ParticipationStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    // consultations

    void insert(Consultation c) {
        jdbc.sql("""
                insert into participation_consultation (id, bill_id, version, title, opens_at, closes_at, whole_bill,
                    override_reason, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.billId(), c.version(), c.title(), ts(c.opensAt()), ts(c.closesAt()), c.wholeBill(),
                        c.overrideReason(), ts(c.createdAt()), c.createdBy())
                .update();
        for (String wid : c.scope()) {
            jdbc.sql("insert into participation_scope (consultation_id, article_wid) values (?, ?)").params(c.id(), wid)
                    .update();
        }
    }

    Optional<Consultation> consultation(String id) {
        return jdbc.sql("select * from participation_consultation where id = ?").param(id)
                .query(ParticipationStore::consultation).optional().map(c -> c.withScope(scope(c.id())));
    }

    List<Consultation> consultations() {
        return jdbc.sql("select * from participation_consultation order by opens_at desc, id")
                .query(ParticipationStore::consultation).list().stream().map(c -> c.withScope(scope(c.id()))).toList();
    }

    int countConsultations() {
        return jdbc.sql("select count(*) from participation_consultation").query(Integer.class).single();
    }

    private List<String> scope(String id) {
        return jdbc.sql("select article_wid from participation_scope where consultation_id = ? order by article_wid")
                .param(id).query(String.class).list();
    }

    void markReportPublished(String id, Instant at, String by) {
        jdbc.sql("""
                update participation_consultation set report_published_at = ?, report_published_by = ?
                where id = ? and report_published_at is null""").params(ts(at), by, id).update();
    }

    private static Consultation consultation(ResultSet rs, int row) throws SQLException {
        return new Consultation(rs.getString("id"), rs.getString("bill_id"), rs.getInt("version"), rs.getString("title"),
                instant(rs, "opens_at"), instant(rs, "closes_at"), rs.getBoolean("whole_bill"), List.of(),
                rs.getString("override_reason"), instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "report_published_at"), rs.getString("report_published_by"));
    }

    // contact points

    void insert(ContactPoint point) {
        jdbc.sql("insert into participation_contact_point (id, name, place, created_at) values (?, ?, ?, ?)")
                .params(point.id(), point.name(), point.place(), ts(point.createdAt())).update();
        for (String username : point.staff()) {
            addStaff(point.id(), username);
        }
    }

    void addStaff(String pointId, String username) {
        jdbc.sql("insert into participation_contact_point_staff (contact_point_id, username) values (?, ?)")
                .params(pointId, username).update();
    }

    List<ContactPoint> contactPoints() {
        return jdbc.sql("select * from participation_contact_point order by name, id").query(this::point).list();
    }

    Optional<ContactPoint> contactPoint(String id) {
        return jdbc.sql("select * from participation_contact_point where id = ?").param(id).query(this::point).optional();
    }

    private ContactPoint point(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        return new ContactPoint(id, rs.getString("name"), rs.getString("place"), instant(rs, "created_at"),
                jdbc.sql("select username from participation_contact_point_staff where contact_point_id = ? order by username")
                        .param(id).query(String.class).list());
    }

    // meetings

    void insert(Meeting m) {
        jdbc.sql("""
                insert into participation_meeting (id, consultation_id, contact_point_id, held_on, place, participants,
                    participant_kinds, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.consultationId(), m.contactPointId(), m.heldOn(), m.place(), m.participants(),
                        m.participantKinds(), ts(m.recordedAt()), m.recordedBy())
                .update();
    }

    Optional<Meeting> meeting(String id) {
        return jdbc.sql("select * from participation_meeting where id = ?").param(id).query(ParticipationStore::meeting)
                .optional();
    }

    List<Meeting> meetings(String consultationId) {
        return jdbc.sql("select * from participation_meeting where consultation_id = ? order by held_on, id")
                .param(consultationId).query(ParticipationStore::meeting).list();
    }

    private static Meeting meeting(ResultSet rs, int row) throws SQLException {
        return new Meeting(rs.getString("id"), rs.getString("consultation_id"), rs.getString("contact_point_id"),
                rs.getObject("held_on", LocalDate.class), rs.getString("place"), rs.getInt("participants"),
                rs.getString("participant_kinds"), instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    // review requests

    void insert(ReviewRequest r) {
        jdbc.sql("""
                insert into participation_review_request (id, consultation_id, expert, organisation, due_on, note,
                    requested_at, requested_by) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.consultationId(), r.expert(), r.organisation(), r.dueOn(), r.note(),
                        ts(r.requestedAt()), r.requestedBy())
                .update();
    }

    Optional<ReviewRequest> reviewRequest(String id) {
        return jdbc.sql("select * from participation_review_request where id = ?").param(id)
                .query(ParticipationStore::review).optional();
    }

    List<ReviewRequest> reviewRequests(String consultationId) {
        return jdbc.sql("select * from participation_review_request where consultation_id = ? order by due_on, id")
                .param(consultationId).query(ParticipationStore::review).list();
    }

    void markAnswered(String id, Instant at) {
        jdbc.sql("update participation_review_request set answered_at = ? where id = ? and answered_at is null")
                .params(ts(at), id).update();
    }

    private static ReviewRequest review(ResultSet rs, int row) throws SQLException {
        return new ReviewRequest(rs.getString("id"), rs.getString("consultation_id"), rs.getString("expert"),
                rs.getString("organisation"), rs.getObject("due_on", LocalDate.class), rs.getString("note"),
                instant(rs, "requested_at"), rs.getString("requested_by"), instant(rs, "answered_at"));
    }

    // opinions

    void insert(Opinion o) {
        jdbc.sql("""
                insert into participation_opinion (id, consultation_id, eid, wid, article_wid, element_label, channel, body,
                    body_hash, account_id, submitter_name, submitter_contact, organisation, meeting_id, review_request_id,
                    received_on, token_hash, submitted_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(o.id(), o.consultationId(), o.eId(), o.wId(), o.articleWId(), o.elementLabel(), o.channel().id(),
                        o.text(), o.bodyHash(), o.accountId(), o.sealedName(), o.sealedContact(), o.organisation(),
                        o.meetingId(), o.reviewRequestId(), o.receivedOn(), o.tokenHash(), ts(o.submittedAt()),
                        o.recordedBy())
                .update();
    }

    Optional<Opinion> opinion(String id) {
        return jdbc.sql("select * from participation_opinion where id = ?").param(id).query(ParticipationStore::opinion)
                .optional();
    }

    Optional<Opinion> opinionByToken(String tokenHash) {
        return jdbc.sql("select * from participation_opinion where token_hash = ?").param(tokenHash)
                .query(ParticipationStore::opinion).optional();
    }

    List<Opinion> opinionsOfAccount(String accountId) {
        return jdbc.sql("select * from participation_opinion where account_id = ? order by submitted_at desc, id")
                .param(accountId).query(ParticipationStore::opinion).list();
    }

    List<Opinion> opinions(String consultationId) {
        return jdbc.sql("select * from participation_opinion where consultation_id = ? order by submitted_at, id")
                .param(consultationId).query(ParticipationStore::opinion).list();
    }

    java.util.Set<String> opinionIds(String consultationId) {
        return new java.util.HashSet<>(jdbc.sql("select id from participation_opinion where consultation_id = ?")
                .param(consultationId).query(String.class).list());
    }

    int countOpinions(String consultationId) {
        return jdbc.sql("select count(*) from participation_opinion where consultation_id = ?").param(consultationId)
                .query(Integer.class).single();
    }

    void hide(String opinionId, Instant at, String by, String reason) {
        jdbc.sql("""
                update participation_opinion set hidden_at = ?, hidden_by = ?, hidden_reason = ?
                where id = ? and hidden_at is null""").params(ts(at), by, reason, opinionId).update();
    }

    void dispose(List<String> opinionIds, String dispositionId) {
        template.batchUpdate("update participation_opinion set disposition_id = ? where id = ?",
                opinionIds.stream().map(id -> new Object[] {dispositionId, id}).toList());
    }

    private static Opinion opinion(ResultSet rs, int row) throws SQLException {
        return new Opinion(rs.getString("id"), rs.getString("consultation_id"), rs.getString("eid"), rs.getString("wid"),
                rs.getString("article_wid"), rs.getString("element_label"),
                Channel.find(rs.getString("channel")).orElseThrow(), rs.getString("body"), rs.getString("body_hash"),
                rs.getString("account_id"), rs.getString("submitter_name"), rs.getString("submitter_contact"),
                rs.getString("organisation"), rs.getString("meeting_id"), rs.getString("review_request_id"),
                rs.getObject("received_on", LocalDate.class), rs.getString("token_hash"), instant(rs, "submitted_at"),
                rs.getString("recorded_by"), instant(rs, "hidden_at"), rs.getString("hidden_by"),
                rs.getString("hidden_reason"), rs.getString("disposition_id"));
    }

    // dispositions

    void insert(Disposition d) {
        jdbc.sql("""
                insert into participation_disposition (id, consultation_id, outcome, reason, referred_to, change_version,
                    change_eid, change_wid, group_label, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.consultationId(), d.outcome().id(), d.reason(), d.referredTo(), d.changeVersion(),
                        d.changeEId(), d.changeWId(), d.groupLabel(), ts(d.recordedAt()), d.recordedBy())
                .update();
    }

    List<Disposition> dispositions(String consultationId) {
        return jdbc.sql("select * from participation_disposition where consultation_id = ?").param(consultationId)
                .query(ParticipationStore::disposition).list();
    }

    Optional<Disposition> disposition(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select * from participation_disposition where id = ?").param(id)
                .query(ParticipationStore::disposition).optional();
    }

    private static Disposition disposition(ResultSet rs, int row) throws SQLException {
        return new Disposition(rs.getString("id"), rs.getString("consultation_id"),
                Outcome.find(rs.getString("outcome")).orElseThrow(), rs.getString("reason"), rs.getString("referred_to"),
                (Integer) rs.getObject("change_version", Integer.class), rs.getString("change_eid"),
                rs.getString("change_wid"), rs.getString("group_label"), instant(rs, "recorded_at"),
                rs.getString("recorded_by"));
    }

    static <T> List<T> list(Iterable<T> items) {
        List<T> out = new ArrayList<>();
        items.forEach(out::add);
        return out;
    }
}

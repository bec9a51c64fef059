package org.megacity.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.megacity.cases.CaseStatus;
import org.megacity.cases.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cases tables. Updates are conditional on the version read: the first writer wins. */
@Repository
class CaseStore {

    static final String COLUMNS = "id, version, status, channel, category, hotline_type, title, description, address, lon, lat, "
            + "grid_code, community_code, street_code, district_code, department, department_unit, centre, escalation_level, "
            + "component_code, source_ref, reporter_account, reporter_name, reporter_phone, reporter_email, token, "
            + "duplicate_of, merged_into, rejection, reported_at, filed_at, dispatched_at, accepted_at, handled_at, "
            + "verified_at, closed_at, evaluated_at, due_at, handle_due, escalation_due, suspended_from, suspended_at, "
            + "extension_request, evidence, handling_seconds, handled_on_time, satisfaction, updated_at";

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextId() {
        return jdbc.sql("select nextval('cases_number')").query(Long.class).single();
    }

    void insert(CaseFile c) {
        jdbc.sql("insert into cases_case (" + COLUMNS + ") values (" + "?, ".repeat(47) + "?)")
                .params(values(c)).update();
    }

    /** Writes the case if nobody changed it since {@code readVersion}; false when someone did. */
    boolean update(CaseFile c, int readVersion) {
        List<Object> params = new ArrayList<>(values(c).subList(1, 48));
        params.add(c.id);
        params.add(readVersion);
        return jdbc.sql(UPDATE).params(params).update() == 1;
    }

    private static final String UPDATE = "update cases_case set " + String.join(" = ?, ", COLUMNS.substring(4).split(", "))
            + " = ? where id = ? and version = ?";

    private static List<Object> values(CaseFile c) {
        List<Object> v = new ArrayList<>(48);
        v.add(c.id);
        v.add(c.version);
        v.add(c.status.name());
        v.add(c.channel.name());
        v.add(c.category);
        v.add(c.hotlineType);
        v.add(c.title);
        v.add(c.description);
        v.add(c.address);
        v.add(c.lon);
        v.add(c.lat);
        v.add(c.gridCode);
        v.add(c.communityCode);
        v.add(c.streetCode);
        v.add(c.districtCode);
        v.add(c.department);
        v.add(c.departmentUnit);
        v.add(c.centre);
        v.add(c.escalationLevel);
        v.add(c.componentCode);
        v.add(c.sourceRef);
        v.add(c.reporterAccount);
        v.add(c.reporterName);
        v.add(c.reporterPhone);
        v.add(c.reporterEmail);
        v.add(c.token);
        v.add(c.duplicateOf);
        v.add(c.mergedInto);
        v.add(c.rejection);
        v.add(ts(c.reportedAt));
        v.add(ts(c.filedAt));
        v.add(ts(c.dispatchedAt));
        v.add(ts(c.acceptedAt));
        v.add(ts(c.handledAt));
        v.add(ts(c.verifiedAt));
        v.add(ts(c.closedAt));
        v.add(ts(c.evaluatedAt));
        v.add(ts(c.dueAt));
        v.add(ts(c.handleDue));
        v.add(ts(c.escalationDue));
        v.add(c.suspendedFrom == null ? null : c.suspendedFrom.name());
        v.add(ts(c.suspendedAt));
        v.add(c.extensionRequest);
        v.add(c.evidence);
        v.add(c.handlingSeconds);
        v.add(c.handledOnTime);
        v.add(c.satisfaction);
        v.add(ts(c.updatedAt));
        return v;
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static CaseFile read(ResultSet rs, int row) throws SQLException {
        CaseFile c = new CaseFile();
        c.id = rs.getLong("id");
        c.version = rs.getInt("version");
        c.status = CaseStatus.valueOf(rs.getString("status"));
        c.channel = Channel.valueOf(rs.getString("channel"));
        c.category = rs.getString("category");
        c.hotlineType = rs.getString("hotline_type");
        c.title = rs.getString("title");
        c.description = rs.getString("description");
        c.address = rs.getString("address");
        c.lon = rs.getDouble("lon");
        c.lat = rs.getDouble("lat");
        c.gridCode = rs.getString("grid_code");
        c.communityCode = rs.getString("community_code");
        c.streetCode = rs.getString("street_code");
        c.districtCode = rs.getString("district_code");
        c.department = rs.getString("department");
        c.departmentUnit = rs.getString("department_unit");
        c.centre = rs.getString("centre");
        c.escalationLevel = rs.getInt("escalation_level");
        c.componentCode = rs.getString("component_code");
        c.sourceRef = rs.getString("source_ref");
        c.reporterAccount = rs.getString("reporter_account");
        c.reporterName = rs.getString("reporter_name");
        c.reporterPhone = rs.getString("reporter_phone");
        c.reporterEmail = rs.getString("reporter_email");
        c.token = rs.getString("token");
        long dup = rs.getLong("duplicate_of");
        c.duplicateOf = rs.wasNull() ? null : dup;
        long merged = rs.getLong("merged_into");
        c.mergedInto = rs.wasNull() ? null : merged;
        c.rejection = rs.getString("rejection");
        c.reportedAt = instant(rs, "reported_at");
        c.filedAt = instant(rs, "filed_at");
        c.dispatchedAt = instant(rs, "dispatched_at");
        c.acceptedAt = instant(rs, "accepted_at");
        c.handledAt = instant(rs, "handled_at");
        c.verifiedAt = instant(rs, "verified_at");
        c.closedAt = instant(rs, "closed_at");
        c.evaluatedAt = instant(rs, "evaluated_at");
        c.dueAt = instant(rs, "due_at");
        c.handleDue = instant(rs, "handle_due");
        c.escalationDue = instant(rs, "escalation_due");
        String from = rs.getString("suspended_from");
        c.suspendedFrom = from == null ? null : CaseStatus.valueOf(from);
        c.suspendedAt = instant(rs, "suspended_at");
        c.extensionRequest = rs.getString("extension_request");
        c.evidence = rs.getString("evidence");
        long secs = rs.getLong("handling_seconds");
        c.handlingSeconds = rs.wasNull() ? null : secs;
        boolean onTime = rs.getBoolean("handled_on_time");
        c.handledOnTime = rs.wasNull() ? null : onTime;
        int sat = rs.getInt("satisfaction");
        c.satisfaction = rs.wasNull() ? null : sat;
        c.updatedAt = instant(rs, "updated_at");
        return c;
    }

    Optional<CaseFile> find(long id) {
        return jdbc.sql("select * from cases_case where id = ?").param(id).query(CaseStore::read).optional();
    }

    Optional<CaseFile> byToken(String token) {
        return jdbc.sql("select * from cases_case where token = ?").param(token).query(CaseStore::read).optional();
    }

    /** Open cases of a category reported since {@code since} within a box around the point. */
    List<CaseFile> openNear(String category, double lon, double lat, double dLon, double dLat, Instant since) {
        return jdbc.sql("""
                select * from cases_case where category = ? and lat between ? and ? and lon between ? and ?
                and reported_at >= ? and status not in ('REJECTED', 'CLOSED', 'EVALUATED') order by reported_at""")
                .params(category, lat - dLat, lat + dLat, lon - dLon, lon + dLon, ts(since))
                .query(CaseStore::read).list();
    }

    /** Open cases whose escalation time has passed, at most {@code limit}. */
    List<Long> dueForEscalation(Instant now, int limit) {
        return jdbc.sql("""
                select id from cases_case where escalation_due is not null and escalation_due < ? and escalation_level < 2
                and status in ('FILED', 'DISPATCHED', 'IN_PROGRESS', 'HANDLED', 'VERIFIED') order by escalation_due""")
                .param(ts(now)).query(Long.class).list().stream().limit(limit).toList();
    }

    void history(long caseId, int seq, Instant at, String actorId, String actorName, String role, String action,
            CaseStatus from, CaseStatus to, String reason, String detail) {
        jdbc.sql("""
                insert into cases_history (case_id, seq, at, actor_id, actor_name, actor_role, action, from_status, to_status,
                    reason, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, seq, ts(at), actorId, actorName, role, action, from == null ? null : from.name(), to.name(),
                        reason, detail).update();
    }

    record HistoryEntry(int seq, Instant at, String actorId, String actorName, String role, String action, String from,
            String to, String reason, String detail) {
    }

    List<HistoryEntry> history(long caseId) {
        return jdbc.sql("select * from cases_history where case_id = ? order by seq").param(caseId)
                .query((rs, n) -> new HistoryEntry(rs.getInt("seq"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("actor_role"),
                        rs.getString("action"), rs.getString("from_status"), rs.getString("to_status"),
                        rs.getString("reason"), rs.getString("detail")))
                .list();
    }

    JdbcClient jdbc() {
        return jdbc;
    }
}

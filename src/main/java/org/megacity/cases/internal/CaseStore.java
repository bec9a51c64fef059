package org.megacity.cases.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.megacity.cases.CaseStatus;
import org.megacity.cases.Channel;
import org.megacity.platform.DatabaseProduct;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The cases tables. Updates are conditional on the version read: the first writer wins. */
@Repository
class CaseStore {

    static final String COLUMNS = "id, version, status, channel, category, hotline_type, title, description, address, lon, lat, "
            + "grid_code, community_code, street_code, district_code, department, department_unit, centre, escalation_level, "
            + "component_code, source_ref, reporter_account, reporter_name, reporter_phone, reporter_email, token, "
            + "duplicate_of, merged_into, rejection, reported_at, filed_at, dispatched_at, accepted_at, handled_at, "
            + "verified_at, closed_at, evaluated_at, due_at, handle_due, escalation_due, suspended_from, suspended_at, "
            + "extension_request, evidence, handling_seconds, handled_on_time, satisfaction, updated_at, media_url";

    /** {@link #COLUMNS} one by one, in order. */
    private static final String[] COLUMN_NAMES = COLUMNS.split(", ");

    /** Case numbers taken from the sequence at a time (its increment, migration V86_1). */
    static final int ID_BLOCK = 50;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final boolean oneRoundTrip;
    private long nextId;
    private long idBlockEnd;

    CaseStore(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        // on PostgreSQL a write and its history entry travel as one statement (or one prepared statement of two)
        this.oneRoundTrip = DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL;
    }

    /**
     * A new case number. The sequence hands out blocks of {@value #ID_BLOCK}: one round trip per
     * block, not per case. Numbers are unique and rise on each node; across nodes, and after a
     * restart, they may leave gaps and need not follow the order of reporting.
     */
    synchronized long nextId() {
        if (nextId >= idBlockEnd) {
            nextId = jdbc.sql("select nextval('cases_number')").query(Long.class).single();
            idBlockEnd = nextId + ID_BLOCK;
        }
        return nextId++;
    }

    /** An entry of a case's history as it is written. */
    record Step(int seq, Instant at, String actorId, String actorName, String role, String action, CaseStatus from,
            CaseStatus to, String reason, String detail) {

        List<Object> values(long caseId) {
            return Arrays.asList(caseId, seq, ts(at), actorId, actorName, role, action,
                    from == null ? null : from.name(), to.name(), reason, detail);
        }
    }

    private static final String INSERT = "insert into cases_case (" + COLUMNS + ") values ("
            + "?, ".repeat(COLUMN_NAMES.length - 1) + "?)";
    private static final String HISTORY = """
            insert into cases_history (case_id, seq, at, actor_id, actor_name, actor_role, action, from_status, to_status,
                reason, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_WITH_HISTORY = INSERT + ";\n" + HISTORY;

    /** Inserts a new case and the first entry of its history. */
    void insert(CaseFile c, Step first) {
        if (oneRoundTrip) {
            List<Object> params = new ArrayList<>(values(c));
            params.addAll(first.values(c.id));
            jdbc.sql(INSERT_WITH_HISTORY).params(params).update();
        } else {
            jdbc.sql(INSERT).params(values(c)).update();
            jdbc.sql(HISTORY).params(first.values(c.id)).update();
        }
    }

    /** What a report's first history entry adds to its detail when it is flagged as a possible duplicate. */
    static final String POSSIBLE_DUPLICATE = "; possible duplicate of ";

    /** {@link #earliestOpenNear}'s condition: its parameters are {@link #near}'s. */
    private static final String OPEN_NEAR = """
            select id from cases_case where category = ? and lat between ? and ? and lon between ? and ?
            and (lon - ?) * (lon - ?) * ? + (lat - ?) * (lat - ?) <= ?
            and reported_at >= ? and status not in ('REJECTED', 'CLOSED', 'EVALUATED') and merged_into is null
            order by reported_at, id fetch first 1 rows only""";

    /** Index of {@code duplicate_of} in {@link #COLUMNS}. */
    private static final int DUPLICATE_OF = Arrays.asList(COLUMN_NAMES).indexOf("duplicate_of");

    /**
     * PostgreSQL's report: the duplicate check and both inserts as one statement (data-modifying
     * common table expressions), so one round trip that commits by itself outside a transaction.
     */
    private static final String REPORT_PARTS = "with duplicate as (" + OPEN_NEAR + "),\n"
            + "reported as (insert into cases_case (" + COLUMNS + ") values ("
            + reportedValues() + ") returning duplicate_of),\n"
            + "entry as (insert into cases_history (case_id, seq, at, actor_id, actor_name, actor_role, action, from_status, "
            + "to_status, reason, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "? || coalesce('" + POSSIBLE_DUPLICATE + "' || (select duplicate_of from reported), '')))";
    private static final String REPORT = REPORT_PARTS + "\nselect duplicate_of from reported";
    /** {@link #REPORT} that also takes an idempotency key: a key taken already fails the whole statement. */
    private static final String REPORT_TAKING_KEY = REPORT_PARTS + ",\ntaken as (" + IntakeKeys.TAKE + ")\n"
            + "select duplicate_of from reported";

    /** An idempotency key to take with a report: its scope (an account, an Open311 client), the key, the report's fingerprint. */
    record KeyUse(String scope, String key, String fingerprint) {

        List<Object> values(CaseFile c) {
            return Arrays.asList(scope, key, fingerprint, c.id, ts(c.reportedAt));
        }
    }

    /** The inserted values: parameters, but the duplicate found by the statement's first part. */
    private static String reportedValues() {
        List<String> values = new ArrayList<>(java.util.Collections.nCopies(COLUMN_NAMES.length, "?"));
        values.set(DUPLICATE_OF, "(select id from duplicate)");
        return String.join(", ", values);
    }

    /**
     * Inserts a new report and the first entry of its history, flagged as a possible duplicate of
     * {@link #earliestOpenNear the earliest open case of its category} within {@code metres} reported
     * since {@code since}; returns that case. The entry's detail then ends with
     * {@value #POSSIBLE_DUPLICATE} and its number. On PostgreSQL this is one statement, atomic by
     * itself: outside a transaction it commits in one round trip, inside one it joins it. Elsewhere
     * it takes three statements in a transaction of its own (or the caller's). With a {@code key}, the
     * key is taken in the same statement (or transaction): when the scope holds it already, this
     * throws {@link org.springframework.dao.DuplicateKeyException} and writes nothing.
     */
    Optional<Long> insertReport(CaseFile c, Step first, double metres, Instant since, KeyUse key) {
        if (oneRoundTrip) {
            List<Object> params = new ArrayList<>(near(c.category, c.lon, c.lat, metres, since));
            List<Object> row = values(c);
            row.remove(DUPLICATE_OF);
            params.addAll(row);
            params.addAll(first.values(c.id));
            if (key != null) {
                params.addAll(key.values(c));
            }
            Long duplicate = jdbc.sql(key == null ? REPORT : REPORT_TAKING_KEY).params(params).query((rs, n) -> {
                long id = rs.getLong(1);
                return rs.wasNull() ? null : id;
            }).list().getFirst(); // one row, null when there is no duplicate
            c.duplicateOf = duplicate;
            return Optional.ofNullable(duplicate);
        }
        return transactions.execute(status -> {
            c.duplicateOf = earliestOpenNear(c.category, c.lon, c.lat, metres, since).orElse(null);
            insert(c, c.duplicateOf == null ? first : new Step(first.seq(), first.at(), first.actorId(), first.actorName(),
                    first.role(), first.action(), first.from(), first.to(), first.reason(),
                    first.detail() + POSSIBLE_DUPLICATE + c.duplicateOf));
            if (key != null) {
                jdbc.sql(IntakeKeys.TAKE).params(key.values(c)).update();
            }
            return Optional.ofNullable(c.duplicateOf);
        });
    }

    /** A statement to send with a case's write, in its transaction. */
    record Statement(String sql, List<Object> params) {
    }

    /**
     * Writes the case and its history entry if nobody changed it since {@code readVersion}. False
     * when someone did: the caller must then roll its transaction back (on PostgreSQL the entry may
     * have been written with the update that found nothing).
     */
    boolean update(CaseFile c, int readVersion, Step step) {
        return update(c, readVersion, step, List.of()).written();
    }

    /**
     * What {@link #update(CaseFile, int, Step, List)} did: whether it wrote the case, and each
     * statement sent along's count of changed rows (meaningless when it did not write).
     */
    record Written(boolean written, int[] alongCounts) {
    }

    /**
     * {@link #update(CaseFile, int, Step)}, then the statements {@code along} (on PostgreSQL all in the
     * same round trip). When the case was not written the caller must roll back.
     */
    Written update(CaseFile c, int readVersion, Step step, List<Statement> along) {
        int[] alongCounts = new int[along.size()];
        List<Object> row = values(c);
        List<Object> params = new ArrayList<>(row.subList(1, row.size()));
        params.add(c.id);
        params.add(readVersion);
        if (oneRoundTrip) {
            params.addAll(step.values(c.id));
            StringBuilder sql = new StringBuilder(UPDATE_WITH_HISTORY);
            for (Statement s : along) {
                sql.append(";\n").append(s.sql());
                params.addAll(s.params());
            }
            return template.execute(sql.toString(), (PreparedStatement ps) -> {
                new ArgumentPreparedStatementSetter(params.toArray()).setValues(ps);
                ps.execute();
                int updated = ps.getUpdateCount();
                ps.getMoreResults(); // the history entry
                for (int i = 0; i < along.size(); i++) {
                    ps.getMoreResults();
                    alongCounts[i] = ps.getUpdateCount();
                }
                return new Written(updated == 1, alongCounts);
            });
        }
        if (jdbc.sql(UPDATE).params(params).update() != 1) {
            return new Written(false, alongCounts);
        }
        jdbc.sql(HISTORY).params(step.values(c.id)).update();
        for (int i = 0; i < along.size(); i++) {
            alongCounts[i] = jdbc.sql(along.get(i).sql()).params(along.get(i).params()).update();
        }
        return new Written(true, alongCounts);
    }

    private static final String UPDATE = "update cases_case set " + String.join(" = ?, ", COLUMNS.substring(4).split(", "))
            + " = ? where id = ? and version = ?";
    private static final String UPDATE_WITH_HISTORY = UPDATE + ";\n" + HISTORY;

    private static List<Object> values(CaseFile c) {
        List<Object> v = new ArrayList<>(COLUMN_NAMES.length);
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
        v.add(c.mediaUrl);
        return v;
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** {@code select} of every column, in the order {@link #read} takes them. */
    static final String SELECT = "select " + COLUMNS + " from cases_case";

    /**
     * A case from a row of {@link #SELECT}: columns by position, in {@link #COLUMNS}' order (by name,
     * the driver's lookups cost more than the rest of the mapping). The first row of each result
     * checks the order.
     */
    static CaseFile read(ResultSet rs, int row) throws SQLException {
        if (row == 0) {
            checkColumns(rs.getMetaData());
        }
        CaseFile c = new CaseFile();
        int i = 0;
        c.id = rs.getLong(++i);
        c.version = rs.getInt(++i);
        c.status = CaseStatus.valueOf(rs.getString(++i));
        c.channel = Channel.valueOf(rs.getString(++i));
        c.category = rs.getString(++i);
        c.hotlineType = rs.getString(++i);
        c.title = rs.getString(++i);
        c.description = rs.getString(++i);
        c.address = rs.getString(++i);
        c.lon = rs.getDouble(++i);
        c.lat = rs.getDouble(++i);
        c.gridCode = rs.getString(++i);
        c.communityCode = rs.getString(++i);
        c.streetCode = rs.getString(++i);
        c.districtCode = rs.getString(++i);
        c.department = rs.getString(++i);
        c.departmentUnit = rs.getString(++i);
        c.centre = rs.getString(++i);
        c.escalationLevel = rs.getInt(++i);
        c.componentCode = rs.getString(++i);
        c.sourceRef = rs.getString(++i);
        c.reporterAccount = rs.getString(++i);
        c.reporterName = rs.getString(++i);
        c.reporterPhone = rs.getString(++i);
        c.reporterEmail = rs.getString(++i);
        c.token = rs.getString(++i);
        long dup = rs.getLong(++i);
        c.duplicateOf = rs.wasNull() ? null : dup;
        long merged = rs.getLong(++i);
        c.mergedInto = rs.wasNull() ? null : merged;
        c.rejection = rs.getString(++i);
        c.reportedAt = instant(rs, ++i);
        c.filedAt = instant(rs, ++i);
        c.dispatchedAt = instant(rs, ++i);
        c.acceptedAt = instant(rs, ++i);
        c.handledAt = instant(rs, ++i);
        c.verifiedAt = instant(rs, ++i);
        c.closedAt = instant(rs, ++i);
        c.evaluatedAt = instant(rs, ++i);
        c.dueAt = instant(rs, ++i);
        c.handleDue = instant(rs, ++i);
        c.escalationDue = instant(rs, ++i);
        String from = rs.getString(++i);
        c.suspendedFrom = from == null ? null : CaseStatus.valueOf(from);
        c.suspendedAt = instant(rs, ++i);
        c.extensionRequest = rs.getString(++i);
        c.evidence = rs.getString(++i);
        long secs = rs.getLong(++i);
        c.handlingSeconds = rs.wasNull() ? null : secs;
        boolean onTime = rs.getBoolean(++i);
        c.handledOnTime = rs.wasNull() ? null : onTime;
        int sat = rs.getInt(++i);
        c.satisfaction = rs.wasNull() ? null : sat;
        c.updatedAt = instant(rs, ++i);
        c.mediaUrl = rs.getString(++i);
        return c;
    }


    private static void checkColumns(java.sql.ResultSetMetaData meta) throws SQLException {
        boolean same = meta.getColumnCount() == COLUMN_NAMES.length;
        for (int i = 0; same && i < COLUMN_NAMES.length; i++) {
            same = meta.getColumnLabel(i + 1).equalsIgnoreCase(COLUMN_NAMES[i]);
        }
        if (!same) {
            throw new IllegalStateException("a case is read from CaseStore.SELECT's columns, in their order");
        }
    }

    Optional<CaseFile> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(CaseStore::read).optional();
    }

    Optional<CaseFile> byToken(String token) {
        return jdbc.sql(SELECT + " where token = ?").param(token).query(CaseStore::read).optional();
    }

    /**
     * The earliest open, unmerged case of the category within {@code metres} of the point reported
     * since {@code since}. Distances are equirectangular, which at tens of metres differs from the
     * great circle by far less than a GPS fix.
     */
    Optional<Long> earliestOpenNear(String category, double lon, double lat, double metres, Instant since) {
        return jdbc.sql(OPEN_NEAR).params(near(category, lon, lat, metres, since)).query(Long.class).optional();
    }

    /** The parameters of {@link #OPEN_NEAR}: a box around the circle for the index, then the circle. */
    private static List<Object> near(String category, double lon, double lat, double metres, Instant since) {
        double dLat = metres / METRES_PER_DEGREE;
        double cos = Math.cos(Math.toRadians(lat));
        double dLon = dLat / cos;
        return Arrays.asList(category, lat - dLat, lat + dLat, lon - dLon, lon + dLon, lon, lon, cos * cos, lat, lat,
                dLat * dLat, ts(since));
    }

    /** Metres per degree of latitude (and of longitude at the equator) on the mean Earth radius. */
    static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    /** Open cases whose escalation time has passed, at most {@code limit}. */
    List<Long> dueForEscalation(Instant now, int limit) {
        return jdbc.sql("""
                select id from cases_case where escalation_due is not null and escalation_due < ? and escalation_level < 2
                and status in ('FILED', 'DISPATCHED', 'IN_PROGRESS', 'HANDLED', 'VERIFIED') order by escalation_due""")
                .param(ts(now)).query(Long.class).list().stream().limit(limit).toList();
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

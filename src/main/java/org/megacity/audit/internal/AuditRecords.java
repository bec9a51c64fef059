package org.megacity.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reading the stored records, in sequence order. */
@Repository
class AuditRecords {

    static final String COLUMNS = "sequence, recorded_at, actor, roles, action, object, result, source, previous_hash, hash";

    private final JdbcClient jdbc;

    AuditRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The chain head as stored: the last sequence, its hash and the head's own HMAC; null if the row is gone. */
    record Head(long lastSequence, String lastHash, String mac) {
    }

    Head head() {
        return jdbc.sql("select last_sequence, last_hash, head_mac from audit_chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3))).optional().orElse(null);
    }

    /** Up to {@code limit} records with sequences in ({@code after}, {@code upTo}], ascending. */
    List<AuditRecord> batch(long after, long upTo, int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_record where sequence > :after and sequence <= :upTo"
                        + " order by sequence limit :limit")
                .param("after", after).param("upTo", upTo).param("limit", limit)
                .query((rs, n) -> record(rs)).list();
    }

    /** One page of a search: records after the cursor, matching the filters (each nullable). */
    List<AuditRecord> search(long after, Instant from, Instant to, String actor, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_record where sequence > :after");
        if (from != null) {
            sql.append(" and recorded_at >= :from");
        }
        if (to != null) {
            sql.append(" and recorded_at < :to");
        }
        if (actor != null) {
            sql.append(" and actor = :actor");
        }
        sql.append(" order by sequence limit :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("after", after).param("limit", limit);
        if (from != null) {
            statement = statement.param("from", time(from));
        }
        if (to != null) {
            statement = statement.param("to", time(to));
        }
        if (actor != null) {
            statement = statement.param("actor", actor);
        }
        return statement.query((rs, n) -> record(rs)).list();
    }

    static AuditRecord record(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10));
    }

    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

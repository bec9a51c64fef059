package org.megacity.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.stream.Collectors;
import org.megacity.audit.AuditTrail;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.Role;
import org.megacity.platform.DatabaseProduct;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the chain. Each append locks the head row ({@code select ... for update}), so appends
 * are serialised across threads and across nodes sharing the database; it then inserts the record
 * and moves the head, all in one transaction (the caller's, when it has one). Writes over HTTP go
 * through {@link #appendCommitted} instead: one appender thread takes every pending record and
 * appends them together in one transaction (group commit), so the chain's throughput is no longer
 * one commit per record.
 */
@Service
class AuditChain implements AuditTrail {

    /** What an append is given; the chain adds the sequence, the time and the hashes. */
    record Entry(String actor, String roles, String action, String object, String result, String source) {
    }

    private final JdbcClient jdbc;
    private final AuditKey key;
    private final CurrentActor currentActor;
    private final ThreadLocal<ChainHash> hashes;
    private final NamedParameterJdbcTemplate named;
    private final GroupCommit groupCommit;
    private final boolean groupCommitEnabled;
    private final TransactionTemplate transactions;
    private final boolean postgres;

    AuditChain(JdbcClient jdbc, AuditKey key, CurrentActor currentActor, DataSource dataSource,
            PlatformTransactionManager transactions,
            @Value("${megacity.audit.group-commit:true}") boolean groupCommitEnabled) {
        this.jdbc = jdbc;
        this.key = key;
        this.currentActor = currentActor;
        this.hashes = ThreadLocal.withInitial(key::newHash);
        this.named = new NamedParameterJdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactions);
        this.postgres = DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL;
        this.groupCommit = new GroupCommit(this::commitBatch);
        this.groupCommitEnabled = groupCommitEnabled;
    }

    @PostConstruct
    void start() {
        if (groupCommitEnabled) {
            groupCommit.start();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        groupCommit.stop();
    }

    @Override
    @Transactional
    public long record(String action, String object, String result) {
        return record(currentActor.get(), action, object, result);
    }

    @Override
    @Transactional
    public long record(Actor actor, String action, String object, String result) {
        return append(new Entry(actor.username(), roles(actor), action, object, result, requestSource()));
    }

    /** Appends one record in the caller's transaction (or its own); see {@link #appendAll}. */
    @Transactional
    public long append(Entry entry) {
        return appendAll(List.of(entry)).getFirst();
    }

    /** The head of the chain: the last record's sequence number and hash. */
    record Head(long sequence, String hash) {
    }

    /** A record as it is written. */
    private record Row(long sequence, Instant time, String actor, String roles, String action, String object,
            String result, String source, String previous, String hash) {

        MapSqlParameterSource parameters() {
            return new MapSqlParameterSource().addValue("sequence", sequence).addValue("time", AuditRecords.time(time))
                    .addValue("actor", actor).addValue("roles", roles).addValue("action", action)
                    .addValue("object", object).addValue("result", result).addValue("source", source)
                    .addValue("previous", previous).addValue("hash", hash);
        }
    }

    /** Entries linked onto a head: their rows, and the head after them with its MAC. */
    private record Linked(List<Row> rows, Head end, String endMac) {

        List<Long> sequences() {
            return rows.stream().map(Row::sequence).toList();
        }
    }

    private static final String INSERT = "insert into audit_record (sequence, recorded_at, actor, roles, action, object,"
            + " result, source, previous_hash, hash) values (:sequence, :time, :actor, :roles, :action, :object, :result,"
            + " :source, :previous, :hash)";

    /**
     * Appends the entries in order, in the current transaction: one lock of the head row, the
     * records inserted in one batch with consecutive sequence numbers, each linking to the hash of
     * the one before, then the head moved once.
     */
    List<Long> appendAll(List<Entry> entries) {
        Head head = head(true);
        Linked linked = link(head, entries);
        named.batchUpdate(INSERT, linked.rows().stream().map(Row::parameters).toArray(MapSqlParameterSource[]::new));
        jdbc.sql("update audit_chain_head set last_sequence = :sequence, last_hash = :hash, head_mac = :mac where id = 1")
                .param("sequence", linked.end().sequence()).param("hash", linked.end().hash()).param("mac", linked.endMac())
                .update();
        return linked.sequences();
    }

    /** The head as it is now, locked until the transaction ends when {@code forUpdate}. */
    private Head head(boolean forUpdate) {
        return jdbc.sql("select last_sequence, last_hash from audit_chain_head where id = 1" + (forUpdate ? " for update" : ""))
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    private Linked link(Head head, List<Entry> entries) {
        ChainHash chain = hashes.get();
        long sequence = head.sequence();
        String previous = head.hash();
        List<Row> rows = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            sequence++;
            Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String actor = fit(entry.actor(), 200);
            String roles = fit(entry.roles(), 400);
            String action = fit(entry.action(), 500);
            String object = fit(entry.object(), 1000);
            String result = fit(entry.result(), 100);
            String source = fit(entry.source(), 100);
            String hash = chain.of(sequence, time, actor, roles, action, object, result, source, previous);
            rows.add(new Row(sequence, time, actor, roles, action, object, result, source, previous, hash));
            previous = hash;
        }
        return new Linked(rows, new Head(sequence, previous), chain.head(sequence, previous));
    }

    /**
     * PostgreSQL's batch: the head moves only from the head the batch was linked to (compare and
     * set), and the records go in only if it moved, as one statement: one round trip that commits by
     * itself. Nothing is written when another appender moved the head first.
     */
    private static final String COMPARE_AND_APPEND = """
            with head as (
                update audit_chain_head set last_sequence = ?, last_hash = ?, head_mac = ?
                where id = 1 and last_sequence = ? and last_hash = ? returning 1),
            written as (
                insert into audit_record (sequence, recorded_at, actor, roles, action, object, result, source,
                    previous_hash, hash)
                select r.sequence, r.recorded_at::timestamptz, r.actor, r.roles, r.action, r.object, r.result, r.source,
                    r.previous_hash, r.hash
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[]) as r(sequence, recorded_at, actor, roles, action, object, result, source,
                    previous_hash, hash)
                where exists (select 1 from head))
            select count(*) from head""";

    /** Attempts at {@link #COMPARE_AND_APPEND} before a batch takes the head's lock instead. */
    static final int COMPARE_AND_SET_ATTEMPTS = 3;

    /** The head as this node's last batch left it: where the next batch links, unless someone moved it. */
    private volatile Head lastWritten;

    /**
     * Appends the entries as one batch and commits it (the group commit's write). On PostgreSQL the
     * batch is linked to the head this node last wrote and appended by {@link #COMPARE_AND_APPEND}
     * in one round trip; when another appender (another node, or an append inside someone's
     * transaction) moved the head meanwhile, it is linked again to the head as read. After
     * {@value #COMPARE_AND_SET_ATTEMPTS} attempts, and on other databases, the batch locks the head
     * ({@link #appendAll}) in a transaction of its own, or in the caller's when it has one.
     */
    List<Long> commitBatch(List<Entry> entries) {
        // inside a caller's transaction (an append before the appender starts or while it stops) the
        // batch takes the lock: a compare and set there could still be rolled back after it moved
        // this node's idea of the head
        if (postgres && !TransactionSynchronizationManager.isActualTransactionActive()) {
            for (int attempt = 0; attempt < COMPARE_AND_SET_ATTEMPTS; attempt++) {
                Head head = lastWritten;
                if (head == null) {
                    head = head(false);
                }
                Linked linked = link(head, entries);
                if (compareAndAppend(head, linked)) {
                    lastWritten = linked.end();
                    return linked.sequences();
                }
                lastWritten = null;
            }
        }
        return transactions.execute(status -> appendAll(entries));
    }

    private boolean compareAndAppend(Head from, Linked linked) {
        List<Row> rows = linked.rows();
        List<Object> params = new ArrayList<>(List.of(linked.end().sequence(), linked.end().hash(), linked.endMac(),
                from.sequence(), from.hash(), rows.stream().mapToLong(Row::sequence).toArray()));
        params.add(rows.stream().map(r -> r.time().toString()).toArray(String[]::new));
        for (java.util.function.Function<Row, String> column : List.<java.util.function.Function<Row, String>>of(Row::actor,
                Row::roles, Row::action, Row::object, Row::result, Row::source, Row::previous, Row::hash)) {
            params.add(rows.stream().map(column).toArray(String[]::new));
        }
        return jdbc.sql(COMPARE_AND_APPEND).params(params).query(Long.class).single() == 1;
    }

    /**
     * Appends one record through the group commit and returns once it is committed (or throws when
     * it could not be). Concurrent callers share transactions: see {@link GroupCommit}. Must not be
     * called inside a transaction that holds the head row (it would wait for itself). With
     * {@code megacity.audit.group-commit=false} (for comparison only) each record is appended alone
     * in its own transaction, as before group commit.
     */
    public long appendCommitted(Entry entry) {
        return groupCommit.append(entry);
    }

    static String roles(Actor actor) {
        return actor.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    /** The address of the client of the current request, or empty outside requests. */
    static String requestSource() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? source(attributes.getRequest()) : "";
    }

    static String source(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null ? "" : address;
    }

    /** Null as empty; cut to the column's length without splitting a surrogate pair. */
    static String fit(String value, int max) {
        if (value == null) {
            return "";
        }
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
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

    AuditChain(JdbcClient jdbc, AuditKey key, CurrentActor currentActor, DataSource dataSource,
            PlatformTransactionManager transactions,
            @Value("${megacity.audit.group-commit:true}") boolean groupCommitEnabled) {
        this.jdbc = jdbc;
        this.key = key;
        this.currentActor = currentActor;
        this.hashes = ThreadLocal.withInitial(key::newHash);
        this.named = new NamedParameterJdbcTemplate(dataSource);
        this.groupCommit = new GroupCommit(new TransactionTemplate(transactions), this::appendAll);
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

    /**
     * Appends the entries in order, in the current transaction: one lock of the head row, the
     * records inserted in one batch with consecutive sequence numbers, each linking to the hash of
     * the one before, then the head moved once.
     */
    List<Long> appendAll(List<Entry> entries) {
        record Head(long sequence, String hash) {
        }
        Head head = jdbc.sql("select last_sequence, last_hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        ChainHash chain = hashes.get();
        long sequence = head.sequence();
        String previous = head.hash();
        List<Long> sequences = new ArrayList<>(entries.size());
        MapSqlParameterSource[] rows = new MapSqlParameterSource[entries.size()];
        for (int i = 0; i < rows.length; i++) {
            Entry entry = entries.get(i);
            sequence++;
            Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String actor = fit(entry.actor(), 200);
            String roles = fit(entry.roles(), 400);
            String action = fit(entry.action(), 500);
            String object = fit(entry.object(), 1000);
            String result = fit(entry.result(), 100);
            String source = fit(entry.source(), 100);
            String hash = chain.of(sequence, time, actor, roles, action, object, result, source, previous);
            rows[i] = new MapSqlParameterSource().addValue("sequence", sequence)
                    .addValue("time", AuditRecords.time(time)).addValue("actor", actor).addValue("roles", roles)
                    .addValue("action", action).addValue("object", object).addValue("result", result)
                    .addValue("source", source).addValue("previous", previous).addValue("hash", hash);
            sequences.add(sequence);
            previous = hash;
        }
        named.batchUpdate("insert into audit_record (sequence, recorded_at, actor, roles, action, object, result,"
                + " source, previous_hash, hash) values (:sequence, :time, :actor, :roles, :action, :object, :result,"
                + " :source, :previous, :hash)", rows);
        jdbc.sql("update audit_chain_head set last_sequence = :sequence, last_hash = :hash, head_mac = :mac where id = 1")
                .param("sequence", sequence).param("hash", previous).param("mac", chain.head(sequence, previous))
                .update();
        return sequences;
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

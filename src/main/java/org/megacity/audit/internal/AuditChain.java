package org.megacity.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import org.megacity.audit.AuditTrail;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the chain. Each append locks the head row ({@code select ... for update}), so appends
 * are serialised across threads and across nodes sharing the database; it then inserts the record
 * and moves the head, all in one transaction (the caller's, when it has one).
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

    AuditChain(JdbcClient jdbc, AuditKey key, CurrentActor currentActor) {
        this.jdbc = jdbc;
        this.key = key;
        this.currentActor = currentActor;
        this.hashes = ThreadLocal.withInitial(key::newHash);
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

    @Transactional
    public long append(Entry entry) {
        record Head(long sequence, String hash) {
        }
        Head head = jdbc.sql("select last_sequence, last_hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long sequence = head.sequence() + 1;
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String actor = fit(entry.actor(), 200);
        String roles = fit(entry.roles(), 400);
        String action = fit(entry.action(), 500);
        String object = fit(entry.object(), 1000);
        String result = fit(entry.result(), 100);
        String source = fit(entry.source(), 100);
        ChainHash chain = hashes.get();
        String hash = chain.of(sequence, time, actor, roles, action, object, result, source, head.hash());
        jdbc.sql("insert into audit_record (sequence, recorded_at, actor, roles, action, object, result, source,"
                        + " previous_hash, hash) values (:sequence, :time, :actor, :roles, :action, :object, :result,"
                        + " :source, :previous, :hash)")
                .param("sequence", sequence).param("time", AuditRecords.time(time)).param("actor", actor)
                .param("roles", roles).param("action", action).param("object", object).param("result", result)
                .param("source", source).param("previous", head.hash()).param("hash", hash)
                .update();
        jdbc.sql("update audit_chain_head set last_sequence = :sequence, last_hash = :hash, head_mac = :mac where id = 1")
                .param("sequence", sequence).param("hash", hash).param("mac", chain.head(sequence, hash)).update();
        return sequence;
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

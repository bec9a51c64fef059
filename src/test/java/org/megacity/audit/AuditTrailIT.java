package org.megacity.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.megacity.identity.Administrators.basic;
import static org.megacity.identity.Administrators.bearer;
import static org.megacity.identity.Administrators.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.megacity.identity.Actor;
import org.megacity.identity.Administrators;
import org.megacity.platform.CommandLine;
import org.megacity.platform.DataDirectory;
import org.megacity.platform.internal.CommandDispatcher;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** The audit trail as an auditor relies on it: what gets recorded, who may read it, what tampering shows. */
@IntegrationTest
@AutoConfigureMockMvc
@DirtiesContext
class AuditTrailIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail trail;
    @Autowired
    CommandDispatcher commands;

    Administrators admins;

    @BeforeEach
    void fixture() {
        admins = new Administrators(mvc, data);
    }

    @Test
    void writesOverHttpAreRecordedWithActorRolesAndResultEvenWhenRefused() throws Exception {
        String sys = admins.sysadmin();
        String sec = admins.secadmin();
        String created = mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer(sys))
                        .contentType(MediaType.APPLICATION_JSON).content(json("username", "audited.person")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.account.id");
        mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer(sec))
                .contentType(MediaType.APPLICATION_JSON).content(json("username", "refused.person")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/accounts/" + id + "/disable")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/accounts/" + id + "/disable").header(HttpHeaders.AUTHORIZATION, bearer(sys))
                .with(request -> {
                    request.setRemoteAddr("10.1.2.3");
                    return request;
                })).andExpect(status().isOk());

        assertThat(last("POST /api/v1/accounts", "201"))
                .containsEntry("actor", "sysadmin").containsEntry("roles", "SYSTEM_ADMIN");
        assertThat(last("POST /api/v1/accounts", "403"))
                .containsEntry("actor", "secadmin").containsEntry("roles", "SECURITY_ADMIN");
        assertThat(last("POST /api/v1/accounts/" + id + "/disable", "401")).containsEntry("actor", "anonymous");
        assertThat(last("POST /api/v1/accounts/" + id + "/disable", "200"))
                .containsEntry("actor", "sysadmin").containsEntry("object", "id=" + id)
                .containsEntry("source", "10.1.2.3");
        assertThat(last("account.created", "ok")).containsEntry("actor", "sysadmin")
                .hasEntrySatisfying("object", o -> assertThat((String) o).contains("account=audited.person"));
        assertThat(last("account.disabled", "ok")).containsEntry("actor", "sysadmin");
        assertThat(last("auth.token.issued", "ok")).containsKey("object");
        assertThat(verify()).containsEntry("status", "ok");
    }

    @Test
    void failedSignInsAndSignInsAndSignOutsAreRecorded() throws Exception {
        admins.sysadmin();
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, basic("sysadmin", "Wrong-Password-1")))
                .andExpect(status().isUnauthorized());
        assertThat(last("auth.login.failed", "failed: bad-password"))
                .containsEntry("actor", "anonymous").containsEntry("object", "username=sysadmin method=basic");
        mvc.perform(post("/login").with(csrf()).param("username", "no.such.user").param("password", "x"))
                .andExpect(status().isFound());
        assertThat(last("auth.login.failed", "failed: unknown-account"))
                .containsEntry("object", "username=no.such.user method=form");

        var session = mvc.perform(post("/login").with(csrf()).param("username", "sysadmin")
                .param("password", Administrators.NEW_PASSWORD)).andExpect(status().isFound())
                .andReturn().getRequest().getSession(false);
        assertThat(last("auth.login", "ok")).containsEntry("actor", "sysadmin").containsEntry("roles", "SYSTEM_ADMIN");
        mvc.perform(post("/logout").session((org.springframework.mock.web.MockHttpSession) session).with(csrf()))
                .andExpect(status().isFound());
        assertThat(last("auth.logout", "ok")).containsEntry("actor", "sysadmin");
    }

    @Test
    void onlyTheAuditAdministratorReadsAndVerifiesTheTrail() throws Exception {
        String sys = admins.sysadmin();
        String sec = admins.secadmin();
        String audit = admins.auditadmin();
        for (String token : List.of(sys, sec)) {
            mvc.perform(get("/api/v1/audit/verify").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/audit/records").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/audit/verify").header(HttpHeaders.AUTHORIZATION, bearer(audit)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ok"))
                .andExpect(jsonPath("$.records").isNumber());

        String page = mvc.perform(get("/api/v1/audit/records").param("limit", "2")
                        .header(HttpHeaders.AUTHORIZATION, bearer(audit)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.records.length()").value(2))
                .andExpect(jsonPath("$.records[0].sequence").value(1))
                .andExpect(jsonPath("$.records[0].time").value(org.hamcrest.Matchers.matchesPattern(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}([+-]\\d\\d:\\d\\d|Z)")))
                .andReturn().getResponse().getContentAsString();
        String cursor = JsonPath.read(page, "$.nextCursor");
        mvc.perform(get("/api/v1/audit/records").param("limit", "2").param("cursor", cursor)
                        .header(HttpHeaders.AUTHORIZATION, bearer(audit)))
                .andExpect(jsonPath("$.records[0].sequence").value(3));
        mvc.perform(get("/api/v1/audit/records").param("actor", "secadmin").param("limit", "1000")
                        .header(HttpHeaders.AUTHORIZATION, bearer(audit)))
                .andExpect(jsonPath("$.records[*].actor", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("secadmin"))));
        assertThat(last("audit.read", "ok: 2 records")).containsEntry("actor", "auditadmin")
                .containsEntry("roles", "AUDIT_ADMIN");
        assertThat(last("audit.verified", "ok: " + verify(audit).get("records") + " records"))
                .containsEntry("actor", "auditadmin");
        mvc.perform(get("/api/v1/audit/records").param("from", "yesterday")
                        .header(HttpHeaders.AUTHORIZATION, bearer(audit)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteRecords() {
        trail.record(Actor.SYSTEM, "test.append", "x", "ok");
        assertThatThrownBy(() -> jdbc.sql("update audit_record set result = 'forged'").update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_record").update())
                .hasStackTraceContaining("append-only");
    }

    @Test
    void tamperingIsDetectedAndReportedPrecisely() throws Exception {
        String audit = admins.auditadmin();
        for (int i = 0; i < 5; i++) {
            trail.record(Actor.SYSTEM, "test.tamper", "item=" + i, "ok");
        }
        Tail tail = new Tail(jdbc.sql("select max(sequence) from audit_record").query(Long.class).single());
        long last = tail.sequence;
        long middle = last - 2;
        Map<String, Object> original = row(middle);
        assertThat(tail.verify(audit)).containsEntry("status", "ok");

        withoutAppendOnlyTrigger(() -> jdbc.sql("update audit_record set result = 'forged' where sequence = :s")
                .param("s", middle).update());
        assertThat(tail.verify(audit)).containsEntry("status", "broken").containsEntry("reason", "altered-content")
                .containsEntry("firstBrokenSequence", (int) middle);
        assertThat(tail.cli()).startsWith("broken: record " + middle + ": altered-content");
        restore(original);
        assertThat(tail.verify(audit)).containsEntry("status", "ok");

        withoutAppendOnlyTrigger(() -> jdbc.sql("update audit_record set hash = :h where sequence = :s")
                .param("h", "f".repeat(64)).param("s", middle).update());
        assertThat(tail.verify(audit)).containsEntry("reason", "altered-hash")
                .containsEntry("firstBrokenSequence", (int) middle);
        restore(original);

        withoutAppendOnlyTrigger(() -> jdbc.sql("delete from audit_record where sequence = :s").param("s", middle).update());
        assertThat(tail.verify(audit)).containsEntry("reason", "missing-record")
                .containsEntry("firstBrokenSequence", (int) middle);
        restore(original);

        withoutAppendOnlyTrigger(() -> jdbc.sql("delete from audit_record where sequence = :s").param("s", last).update());
        assertThat(tail.verify(audit)).containsEntry("reason", "truncated-tail")
                .containsEntry("firstBrokenSequence", (int) last);
        // hiding the deletion by setting the head back is caught by the head's own HMAC
        String previousHash = (String) row(last - 1).get("hash");
        jdbc.sql("update audit_chain_head set last_sequence = :s, last_hash = :h where id = 1")
                .param("s", last - 1).param("h", previousHash).update();
        assertThat(tail.verify(audit)).containsEntry("reason", "altered-head");
        restore(tail.record);
        tail.forgetLaterRecords();
        assertThat(tail.verify(audit)).containsEntry("status", "ok");
        assertThat(tail.cli()).startsWith("ok: ");
        assertThat(cli()).startsWith("ok: ");
    }

    /**
     * The end of the chain under test. Each verification appends its own record (the auditor's
     * work is audited); to examine the same tampered chain again, the test then removes that record
     * and sets the head back, as only a test that holds the original head's seal can.
     */
    private final class Tail {
        final long sequence;
        final Map<String, Object> record;
        final String headMac;

        Tail(long sequence) {
            this.sequence = sequence;
            this.record = row(sequence);
            this.headMac = jdbc.sql("select head_mac from audit_chain_head").query(String.class).single();
        }

        Map<String, Object> verify(String auditToken) throws Exception {
            Map<String, Object> result = AuditTrailIT.this.verify(auditToken);
            forgetLaterRecords();
            return result;
        }

        String cli() {
            String printed = AuditTrailIT.this.cli();
            forgetLaterRecords();
            return printed;
        }

        void forgetLaterRecords() {
            withoutAppendOnlyTrigger(() -> jdbc.sql("delete from audit_record where sequence > :s")
                    .param("s", sequence).update());
            jdbc.sql("update audit_chain_head set last_sequence = :s, last_hash = :h, head_mac = :m where id = 1")
                    .param("s", sequence).param("h", record.get("hash")).param("m", headMac).update();
        }
    }

    @Test
    void concurrentAppendsKeepTheChainIntact() throws Exception {
        long before = jdbc.sql("select count(*) from audit_record").query(Long.class).single();
        int threads = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    trail.record(Actor.SYSTEM, "test.concurrent", "thread=" + thread + " i=" + i, "ok");
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        long after = jdbc.sql("select count(*) from audit_record").query(Long.class).single();
        assertThat(after - before).isGreaterThanOrEqualTo((long) threads * each);
        assertThat(jdbc.sql("select max(sequence) from audit_record").query(Long.class).single()).isEqualTo(after);
        assertThat(cli()).startsWith("ok: " + (after) + " records");
    }

    private Map<String, Object> last(String action, String result) {
        return jdbc.sql("select actor, roles, object, source from audit_record where action = :a and result = :r"
                        + " order by sequence desc limit 1")
                .param("a", action).param("r", result).query().singleRow();
    }

    private Map<String, Object> row(long sequence) {
        return jdbc.sql("select * from audit_record where sequence = :s").param("s", sequence).query().singleRow();
    }

    private void restore(Map<String, Object> original) {
        withoutAppendOnlyTrigger(() -> {
            jdbc.sql("delete from audit_record where sequence = :sequence").param("sequence", original.get("sequence"))
                    .update();
            jdbc.sql("insert into audit_record (sequence, recorded_at, actor, roles, action, object, result, source,"
                            + " previous_hash, hash) values (:sequence, :recorded_at, :actor, :roles, :action, :object,"
                            + " :result, :source, :previous_hash, :hash)")
                    .paramSource(original).update();
        });
    }

    /** What someone with full database access can do: switch the append-only trigger off. */
    private void withoutAppendOnlyTrigger(Runnable tampering) {
        if (TestDatabase.postgres()) {
            jdbc.sql("alter table audit_record disable trigger audit_record_no_change").update();
            tampering.run();
            jdbc.sql("alter table audit_record enable trigger audit_record_no_change").update();
        } else {
            jdbc.sql("drop trigger audit_record_no_change").update();
            tampering.run();
            jdbc.sql("create trigger audit_record_no_change before update, delete on audit_record for each row"
                    + " call 'org.megacity.audit.internal.AppendOnlyTrigger'").update();
        }
    }

    private Map<String, Object> verify() throws Exception {
        return verify(admins.auditadmin());
    }

    private Map<String, Object> verify(String auditToken) throws Exception {
        String body = mvc.perform(get("/api/v1/audit/verify").header(HttpHeaders.AUTHORIZATION, bearer(auditToken)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$");
    }

    /** {@code ./megacity audit verify}, as the command line runs it. */
    private String cli() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = commands.dispatch(CommandLine.parse("audit", "verify"), new PrintStream(out, true,
                StandardCharsets.UTF_8), System.err);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isEqualTo(printed.startsWith("ok:") ? 0 : 1);
        return printed;
    }
}

package org.megacity.representatives.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.megacity.cases.CaseIntake;
import org.megacity.cases.CaseStatusChanged;
import org.megacity.cases.Channel;
import org.megacity.identity.Actor;
import org.megacity.platform.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deputy refers a constituent's problem into a case through {@link CaseIntake#deputyReferral} and
 * follows it: the referral keeps the case's number, token and status, updated from
 * {@link CaseStatusChanged}.
 */
@Service
class Referrals {

    record Referral(String id, String deputyId, long caseId, String caseToken, String category, String description,
            String status, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final Registry registry;
    private final CaseIntake intake;
    private final Clock clock = Clock.systemUTC();

    Referrals(JdbcClient jdbc, Registry registry, CaseIntake intake) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.intake = intake;
    }

    @Transactional
    Referral refer(Actor actor, String category, Double lon, Double lat, String description, String name, String phone) {
        Registry.Deputy deputy = registry.deputyOf(actor.username()).orElseThrow(() ->
                Problems.forbidden("account " + actor.username() + " is not bound to a deputy in the registry"));
        if (lon == null || lat == null) {
            throw Problems.invalid(lon == null ? "lon" : "lat", "required");
        }
        if (Registry.blank(description)) {
            throw Problems.invalid("description", "required");
        }
        CaseIntake.CaseReceipt receipt;
        try {
            receipt = intake.deputyReferral(new CaseIntake.DeputyReferral(actor.username(), category, lon, lat,
                    description, name, phone));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("category", e.getMessage());
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into rep_referral (id, deputy_id, case_id, case_token, category, description, status, created_at,"
                        + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, deputy.id(), receipt.caseId(), receipt.token(), category, description.strip(), "REPORTED",
                        Timestamp.from(now), Timestamp.from(now)).update();
        return of(deputy.id()).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    List<Referral> of(String deputyId) {
        return jdbc.sql("select * from rep_referral where deputy_id = ? order by created_at desc").param(deputyId)
                .query((rs, n) -> new Referral(rs.getString("id"), rs.getString("deputy_id"), rs.getLong("case_id"),
                        rs.getString("case_token"), rs.getString("category"), rs.getString("description"),
                        rs.getString("status"), Suggestions.instant(rs, "created_at"),
                        Suggestions.instant(rs, "updated_at"))).list();
    }

    /**
     * Follows a referred case, in the case's own transaction (the referral's status commits with the
     * case's, or neither does). Only deputies' cases have a referral; the others cost one comparison
     * and no statement, where an asynchronous listener would have had every transition of every case
     * recorded in the event publication registry.
     */
    @EventListener
    void on(CaseStatusChanged changed) {
        if (changed.channel() != Channel.DEPUTY) {
            return;
        }
        jdbc.sql("update rep_referral set status = ?, updated_at = ? where case_id = ?")
                .params(changed.to().name(), Timestamp.from(changed.at()), changed.caseId()).update();
    }
}

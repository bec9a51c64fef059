package org.megacity.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.megacity.cases.CaseCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link CaseCounts} by one query on the cases table. */
@Component
class StoredCaseCounts implements CaseCounts {

    private final JdbcClient jdbc;

    StoredCaseCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Counts count(String divisionPrefix, Instant now) {
        String where = "status not in ('CLOSED', 'EVALUATED', 'REJECTED')";
        Object[] params;
        if (divisionPrefix == null) {
            params = new Object[] {Timestamp.from(now)};
        } else {
            where += " and grid_code like ?";
            params = new Object[] {Timestamp.from(now), divisionPrefix + "%"};
        }
        return jdbc.sql("select count(*), coalesce(sum(case when due_at is not null and due_at < ? and status <> 'SUSPENDED' "
                        + "then 1 else 0 end), 0) from cases_case where " + where)
                .params(params).query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
    }
}

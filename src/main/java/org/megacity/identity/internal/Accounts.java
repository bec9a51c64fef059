package org.megacity.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.megacity.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored accounts ({@code identity_account} and its role and jurisdiction tables). */
@Repository
class Accounts {

    private static final String COLUMNS = "id, username, display_name, password_hash, enabled, must_change_password,"
            + " failed_logins, locked_until, citywide, created_at, changed_at, password_changed_at";

    private final JdbcClient jdbc;
    private final AccountCache cache = new AccountCache();

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account for signing a request in: possibly a copy up to {@link AccountCache#TTL} old, but
     * never older than the last change made on this node through this class.
     */
    Optional<Account> current(String id) {
        return cache.get(id, this::byId);
    }

    Optional<Account> byUsername(String username) {
        return one("username = :key", username);
    }

    Optional<Account> byId(String id) {
        return one("id = :key", id);
    }

    /** Accounts ordered by name, after {@code afterUsername} (nullable), at most {@code limit}. */
    List<Account> page(String afterUsername, int limit) {
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from identity_account where username > :after"
                        + " order by username limit :limit")
                .param("after", afterUsername == null ? "" : afterUsername).param("limit", limit)
                .query((rs, n) -> row(rs)).list();
        return withRelations(rows);
    }

    boolean anyHolds(Role role) {
        return jdbc.sql("select count(*) from identity_account_role where role = :role").param("role", role.name())
                .query(Long.class).single() > 0;
    }

    void insert(Account a) {
        jdbc.sql("insert into identity_account (" + COLUMNS + ") values (:id, :username, :displayName, :hash, :enabled,"
                        + " :mustChange, 0, null, :citywide, :createdAt, :createdAt, :createdAt)")
                .param("id", a.id()).param("username", a.username()).param("displayName", a.displayName())
                .param("hash", a.passwordHash()).param("enabled", a.enabled()).param("mustChange", a.mustChangePassword())
                .param("citywide", a.citywide()).param("createdAt", time(a.createdAt()))
                .update();
        insertRoles(a.id(), a.roles());
    }

    void updatePassword(String id, String hash, boolean mustChange, Instant now) {
        cache.changed();
        jdbc.sql("update identity_account set password_hash = :hash, must_change_password = :mustChange,"
                        + " failed_logins = 0, locked_until = null, password_changed_at = :now, changed_at = :now"
                        + " where id = :id")
                .param("hash", hash).param("mustChange", mustChange).param("now", time(now)).param("id", id).update();
    }

    /** Replaces the hash of an unchanged password (a stronger encoding), keeping its age. */
    void rehash(String id, String hash) {
        jdbc.sql("update identity_account set password_hash = :hash where id = :id")
                .param("hash", hash).param("id", id).update();
    }

    /**
     * Counts a failed sign-in in one statement, so concurrent failures on several nodes all count;
     * the failure that reaches {@code max} locks the account until {@code lockUntil} and restarts
     * the count.
     *
     * @return whether this failure locked the account
     */
    boolean recordFailure(String id, int max, Instant lockUntil) {
        jdbc.sql("update identity_account set"
                        + " locked_until = case when failed_logins + 1 >= :max then :until else locked_until end,"
                        + " failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end"
                        + " where id = :id")
                .param("max", max).param("until", time(lockUntil)).param("id", id).update();
        OffsetDateTime lockedUntil = jdbc.sql("select locked_until from identity_account where id = :id").param("id", id)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().orElse(null);
        return lockedUntil != null && lockedUntil.toInstant().equals(lockUntil);
    }

    void clearFailures(String id) {
        jdbc.sql("update identity_account set failed_logins = 0 where id = :id and failed_logins <> 0")
                .param("id", id).update();
    }

    void setEnabled(String id, boolean enabled, Instant now) {
        cache.changed();
        jdbc.sql("update identity_account set enabled = :enabled, changed_at = :now where id = :id")
                .param("enabled", enabled).param("now", time(now)).param("id", id).update();
    }

    void setRoles(String id, Set<Role> roles, Instant now) {
        cache.changed();
        jdbc.sql("delete from identity_account_role where account_id = :id").param("id", id).update();
        insertRoles(id, roles);
        touch(id, now);
    }

    void setJurisdiction(String id, boolean citywide, Collection<String> divisions, Collection<String> departments,
            Instant now) {
        cache.changed();
        jdbc.sql("delete from identity_account_division where account_id = :id").param("id", id).update();
        jdbc.sql("delete from identity_account_department where account_id = :id").param("id", id).update();
        for (String code : divisions) {
            jdbc.sql("insert into identity_account_division (account_id, division_code) values (:id, :code)")
                    .param("id", id).param("code", code).update();
        }
        for (String code : departments) {
            jdbc.sql("insert into identity_account_department (account_id, department_code) values (:id, :code)")
                    .param("id", id).param("code", code).update();
        }
        jdbc.sql("update identity_account set citywide = :citywide, changed_at = :now where id = :id")
                .param("citywide", citywide).param("now", time(now)).param("id", id).update();
    }

    private void touch(String id, Instant now) {
        jdbc.sql("update identity_account set changed_at = :now where id = :id").param("now", time(now)).param("id", id)
                .update();
    }

    private void insertRoles(String id, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("insert into identity_account_role (account_id, role) values (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
    }

    private Optional<Account> one(String condition, String key) {
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from identity_account where " + condition)
                .param("key", key).query((rs, n) -> row(rs)).list();
        return withRelations(rows).stream().findFirst();
    }

    private List<Account> withRelations(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(Row::id).toList();
        Map<String, Set<Role>> roles = new HashMap<>();
        jdbc.sql("select account_id, role from identity_account_role where account_id in (:ids)").param("ids", ids)
                .query(rs -> {
                    roles.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Role.class))
                            .add(Role.valueOf(rs.getString(2)));
                });
        Map<String, Set<String>> divisions = codes("identity_account_division", "division_code", ids);
        Map<String, Set<String>> departments = codes("identity_account_department", "department_code", ids);
        List<Account> accounts = new ArrayList<>(rows.size());
        for (Row r : rows) {
            accounts.add(new Account(r.id, r.username, r.displayName, r.passwordHash, r.enabled, r.mustChange,
                    r.failedLogins, r.lockedUntil, r.citywide, r.createdAt, r.changedAt, r.passwordChangedAt,
                    roles.getOrDefault(r.id, Set.of()), divisions.getOrDefault(r.id, Set.of()),
                    departments.getOrDefault(r.id, Set.of())));
        }
        return accounts;
    }

    private Map<String, Set<String>> codes(String table, String column, List<String> ids) {
        Map<String, Set<String>> result = new HashMap<>();
        jdbc.sql("select account_id, " + column + " from " + table + " where account_id in (:ids) order by 2")
                .param("ids", ids)
                .query(rs -> {
                    result.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
                });
        return result;
    }

    private record Row(String id, String username, String displayName, String passwordHash, boolean enabled,
            boolean mustChange, int failedLogins, Instant lockedUntil, boolean citywide, Instant createdAt,
            Instant changedAt, Instant passwordChangedAt) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                rs.getInt("failed_logins"), instant(rs, "locked_until"), rs.getBoolean("citywide"),
                instant(rs, "created_at"), instant(rs, "changed_at"), instant(rs, "password_changed_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

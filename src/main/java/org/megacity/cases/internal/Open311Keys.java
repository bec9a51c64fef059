package org.megacity.cases.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.megacity.identity.CurrentActor;
import org.megacity.platform.Digests;
import org.megacity.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 API keys: issued by the system administrator to an application (a city app, FixMyStreet),
 * shown once, stored as a SHA-256 hash; revoked by their 8-character prefix.
 */
@RestController
class Open311Keys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CurrentActor actor;

    Open311Keys(JdbcClient jdbc, CurrentActor actor) {
        this.jdbc = jdbc;
        this.actor = actor;
    }

    record KeyRequest(String name) {
    }

    record IssuedKey(String prefix, String name, String apiKey) {
    }

    record KeyView(String prefix, String name, Instant createdAt, String createdBy, Instant revokedAt) {
    }

    @PostMapping("/api/v1/cases/open311/keys")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedKey issue(@RequestBody KeyRequest in) {
        if (in == null || in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            throw Problems.invalid("name", "required, at most 200 characters: who the key is for");
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String key = HexFormat.of().formatHex(raw);
        jdbc.sql("insert into cases_open311_key (key_hash, key_prefix, name, created_at, created_by) values (?, ?, ?, ?, ?)")
                .params(Digests.sha256Hex(key), key.substring(0, 8), in.name().strip(), Timestamp.from(Instant.now()),
                        actor.get().username()).update();
        return new IssuedKey(key.substring(0, 8), in.name().strip(), key);
    }

    @GetMapping("/api/v1/cases/open311/keys")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    List<KeyView> list() {
        return jdbc.sql("select * from cases_open311_key order by created_at").query((rs, n) -> new KeyView(
                rs.getString("key_prefix"), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), rs.getTimestamp("revoked_at") == null ? null
                        : rs.getTimestamp("revoked_at").toInstant())).list();
    }

    @DeleteMapping("/api/v1/cases/open311/keys/{prefix}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    Map<String, Object> revoke(@PathVariable String prefix) {
        int n = jdbc.sql("update cases_open311_key set revoked_at = ? where key_prefix = ? and revoked_at is null")
                .params(Timestamp.from(Instant.now()), prefix).update();
        if (n == 0) {
            throw Problems.notFound("no active key " + prefix);
        }
        return Map.of("prefix", prefix, "revoked", n);
    }

    /** The prefix of the valid key, or null. */
    String check(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        return jdbc.sql("select key_prefix from cases_open311_key where key_hash = ? and revoked_at is null")
                .param(Digests.sha256Hex(key.strip())).query(String.class).optional().orElse(null);
    }
}

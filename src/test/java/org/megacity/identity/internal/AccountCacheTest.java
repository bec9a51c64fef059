package org.megacity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.megacity.identity.Role;

class AccountCacheTest {

    static Account account(String name, Set<Role> roles) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Account("a1", name, name, "hash", true, false, 0, null, false, t, t, t, roles, Set.of(), Set.of());
    }

    @Test
    void servesACopyUntilAnAccountChanges() {
        AccountCache cache = new AccountCache(Duration.ofHours(1));
        AtomicInteger loads = new AtomicInteger();
        Account[] stored = {account("x", Set.of())};
        for (int i = 0; i < 3; i++) {
            assertThat(cache.get("a1", id -> {
                loads.incrementAndGet();
                return Optional.of(stored[0]);
            })).contains(stored[0]);
        }
        assertThat(loads).hasValue(1);
        stored[0] = account("x", Set.of(Role.INSPECTOR));
        cache.changed();
        assertThat(cache.get("a1", id -> Optional.of(stored[0])).orElseThrow().roles()).containsExactly(Role.INSPECTOR);
    }

    @Test
    void aLoadThatRacedWithAChangeIsNotKept() {
        AccountCache cache = new AccountCache(Duration.ofHours(1));
        Account old = account("x", Set.of());
        Account changed = account("x", Set.of(Role.DISPATCHER));
        // the change commits while the old state is being read
        assertThat(cache.get("a1", id -> {
            cache.changed();
            return Optional.of(old);
        })).contains(old);
        assertThat(cache.get("a1", id -> Optional.of(changed))).contains(changed);
    }

    @Test
    void entriesExpire() {
        AccountCache cache = new AccountCache(Duration.ZERO);
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            cache.get("a1", id -> {
                loads.incrementAndGet();
                return Optional.of(account("x", Set.of()));
            });
        }
        assertThat(loads).hasValue(3);
    }
}

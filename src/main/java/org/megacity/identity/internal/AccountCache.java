package org.megacity.identity.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A short-lived copy of the accounts that sign requests in (bearer tokens, page sessions), so a
 * request does not load the account, its roles and its jurisdiction from the database each time.
 *
 * <p>Every change to an account made through {@link Accounts} (password, enabled, roles,
 * jurisdiction) empties the cache at once and again when its transaction ends, and a generation
 * number keeps a load that raced with the change from putting the old state back: on this node a
 * change takes effect for the next request. Another node sharing the database sees it after at most
 * {@link #TTL} (the age at which an entry is loaded again).
 */
class AccountCache {

    static final Duration TTL = Duration.ofSeconds(10);

    private record Entry(Account account, long loadedAt) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;

    AccountCache() {
        this(TTL);
    }

    AccountCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The account, from the cache when it was loaded less than {@link #TTL} ago, else by {@code load}. */
    Optional<Account> get(String id, Function<String, Optional<Account>> load) {
        Entry entry = byId.get(id);
        long now = System.nanoTime();
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return Optional.of(entry.account());
        }
        long before = generation.get();
        Optional<Account> loaded = load.apply(id);
        if (loaded.isPresent()) {
            Entry fresh = new Entry(loaded.get(), now);
            byId.put(id, fresh);
            if (generation.get() != before) {
                byId.remove(id, fresh); // an account changed while this one loaded: do not keep what may be stale
            }
        } else {
            byId.remove(id);
        }
        return loaded;
    }

    /** An account changed: forget every entry now, and again when the current transaction ends. */
    void changed() {
        clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        }
    }

    private void clear() {
        generation.incrementAndGet();
        byId.clear();
    }
}

package org.megacity.identity.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a client address): {@code capacity} tokens, refilled continuously at
 * {@code capacity} per window; each request takes one. The classic algorithm (RFC 2697's token
 * bucket, as in Bucket4j or Guava's RateLimiter) in a few lines: a library would bring the same
 * arithmetic plus distributed back ends we do not use, and the part that needs care here is the
 * per-address map, which no library bounds for us: it holds at most {@code maxKeys} addresses;
 * when full, buckets that have refilled completely (idle addresses, which lose nothing by being
 * forgotten) are dropped, and if none has, new addresses share one overflow bucket, so a flood
 * from many addresses is limited as one client rather than growing the map or resetting limits.
 *
 * <p>Limits are per node: behind a load balancer with N nodes an address gets up to N times the
 * rate, which is still a bound.
 */
final class TokenBuckets {

    static final String OVERFLOW = "\u0000overflow";

    /** One token is worth {@code window} units of credit; a nanosecond adds {@code capacity} units (exact integers). */
    private final long capacity;
    private final long window;
    private final long full;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int capacity, long windowNanos, int maxKeys, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.window = windowNanos;
        this.full = Math.multiplyExact(capacity, windowNanos);
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
    }

    /** Takes a token for {@code key}: 0 when granted, else the nanoseconds until one will be there. */
    long take(String key) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                buckets.values().removeIf(b -> b.full(now));
            }
            bucket = buckets.size() >= maxKeys ? buckets.computeIfAbsent(OVERFLOW, k -> new Bucket(now))
                    : buckets.computeIfAbsent(key, k -> new Bucket(now));
        }
        return bucket.take(now);
    }

    int size() {
        return buckets.size();
    }

    private final class Bucket {

        private long credit = full;
        private long updated;

        Bucket(long now) {
            this.updated = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (credit >= window) {
                credit -= window;
                return 0;
            }
            return (window - credit + capacity - 1) / capacity;
        }

        synchronized boolean full(long now) {
            refill(now);
            return credit >= full;
        }

        private void refill(long now) {
            if (now > updated) {
                credit = Math.min(full, credit + Math.min(now - updated, window) * capacity);
                updated = now;
            }
        }
    }
}

package org.megacity.participation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simple abuse control for anonymous submissions: at most {@code perHour} per network address in any
 * sliding hour, counted in memory (a restart forgets; several servers would each count their own).
 */
final class AnonymousLimiter {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_ADDRESSES = 100_000;

    private final int perHour;
    private final Map<String, Deque<Instant>> seen = new ConcurrentHashMap<>();

    AnonymousLimiter(int perHour) {
        this.perHour = perHour;
    }

    /** Counts a submission from {@code address} at {@code now}; false when the address is over its limit. */
    boolean allow(String address, Instant now) {
        if (seen.size() > MAX_ADDRESSES) {
            seen.clear();
        }
        Deque<Instant> times = seen.computeIfAbsent(address == null ? "?" : address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.removeFirst();
            }
            if (times.size() >= perHour) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}

package org.megacity.platform.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs requests refused for a database outage at most once every five seconds (with how many were
 * refused since), so an outage under load does not flood the log.
 */
final class OutageLog {

    private static final long INTERVAL_NANOS = 5_000_000_000L;
    private static final AtomicLong last = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);
    private static final AtomicLong refused = new AtomicLong();

    private OutageLog() {
    }

    static void note(Logger log, String what, Throwable failure) {
        long count = refused.incrementAndGet();
        long now = System.nanoTime();
        long previous = last.get();
        if (now - previous >= INTERVAL_NANOS && last.compareAndSet(previous, now)) {
            refused.addAndGet(-count);
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            log.warn("database unavailable: {} answered 503 ({} refused since the last report; {}: {})", what, count,
                    root.getClass().getSimpleName(), root.getMessage());
        }
    }
}

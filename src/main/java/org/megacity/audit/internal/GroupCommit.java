package org.megacity.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the audit chain. Callers put their entry in a queue and wait; one appender
 * thread takes everything pending (up to {@value #MAX_BATCH}), appends it as one batch
 * (consecutive sequence numbers, the hash links as for single appends) that commits at once (see
 * {@link AuditChain#commitBatch}: on PostgreSQL one statement that moves the head only from where
 * the batch was linked, elsewhere one transaction holding the head's lock), and only then releases
 * each caller with its sequence number, or with the failure when the batch did not commit. A burst
 * of N concurrent writes so costs one commit instead of N commits serialised on the head row; a
 * lone write waits for no one (the appender wakes at once).
 *
 * <p>Appends made elsewhere in their caller's transaction (identity events, commands) lock the
 * same head row, so they and the batches still follow one another in one chain.
 */
final class GroupCommit {

    static final int MAX_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Pending(AuditChain.Entry entry, CompletableFuture<Long> done) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Function<List<AuditChain.Entry>, List<Long>> commitBatch;
    private volatile boolean running;
    private Thread appender;

    /** {@code commitBatch} appends a batch and commits it, or throws when it did not commit. */
    GroupCommit(Function<List<AuditChain.Entry>, List<Long>> commitBatch) {
        this.commitBatch = commitBatch;
    }

    synchronized void start() {
        if (appender == null) {
            running = true;
            appender = Thread.ofPlatform().name("audit-group-commit").daemon().start(this::run);
        }
    }

    /** Stops taking new entries, appends those already queued, and ends the appender. */
    synchronized void stop() throws InterruptedException {
        running = false;
        if (appender != null) {
            appender.join(TimeUnit.SECONDS.toMillis(30));
            appender = null;
        }
        drain(); // anything that slipped in after the appender's last look
    }

    /** Appends the entry and returns its sequence number once it is committed. */
    long append(AuditChain.Entry entry) {
        if (!running) {
            return write(List.of(entry)).getFirst(); // not started or shutting down: append alone
        }
        Pending pending = new Pending(entry, new CompletableFuture<>());
        queue.add(pending);
        if (!running) {
            drain();
        }
        try {
            return pending.done().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("audit append failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the audit record to commit", e);
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Pending> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    commit(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.error("audit group commit: unexpected failure", e);
            }
        }
    }

    private synchronized void drain() {
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (int from = 0; from < rest.size(); from += MAX_BATCH) {
            commit(rest.subList(from, Math.min(rest.size(), from + MAX_BATCH)));
        }
    }

    private void commit(List<Pending> batch) {
        try {
            List<Long> sequences = write(batch.stream().map(Pending::entry).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(sequences.get(i));
            }
        } catch (RuntimeException | Error e) {
            for (Pending pending : batch) {
                pending.done().completeExceptionally(e);
            }
        }
    }

    private List<Long> write(List<AuditChain.Entry> entries) {
        return commitBatch.apply(entries);
    }
}

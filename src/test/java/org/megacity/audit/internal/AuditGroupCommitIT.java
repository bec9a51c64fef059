package org.megacity.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The group commit under many concurrent writers, mixed with appends in their callers' transactions. */
@IntegrationTest
class AuditGroupCommitIT {

    @Autowired
    AuditChain chain;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentGroupedAndTransactionalAppendsMakeOneChainWithoutGaps() throws Exception {
        long before = jdbc.sql("select count(*) from audit_record").query(Long.class).single();
        int threads = 32;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Long> sequences = new ConcurrentLinkedQueue<>();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    AuditChain.Entry entry = new AuditChain.Entry("tester", "", "test.grouped",
                            "thread=" + thread + " i=" + i, "ok", "test");
                    // every fourth thread appends alone in its own transaction, as identity events do
                    sequences.add(thread % 4 == 0 ? chain.append(entry) : chain.appendCommitted(entry));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        int total = threads * each;
        Set<Long> distinct = new HashSet<>(sequences);
        assertThat(distinct).hasSize(total);
        long after = jdbc.sql("select count(*) from audit_record").query(Long.class).single();
        assertThat(after - before).isEqualTo(total);
        assertThat(jdbc.sql("select max(sequence) from audit_record").query(Long.class).single()).isEqualTo(after);
        assertThat(distinct).allSatisfy(s -> assertThat(s).isBetween(before + 1, after));
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'test.grouped'").query(Long.class)
                .single()).isEqualTo(total);
        assertThat(verifier.verify()).isEqualTo(new ChainVerification.Intact(after));
    }

    @Test
    void aGroupedRecordKeepsQuotesBracesBackslashesChineseAndTheWordNull() {
        String object = "case=1 \"quoted\", {braced} back\\slash 中文 \n NULL";
        long sequence = chain.appendCommitted(new AuditChain.Entry("测试员", "", "test.text", object, "ok", "NULL"));
        assertThat(jdbc.sql("select actor, roles, object, source from audit_record where sequence = ?").param(sequence)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single())
                .containsExactly("测试员", "", object, "NULL");
        assertThat(verifier.verify()).isInstanceOf(ChainVerification.Intact.class);
    }

    @Test
    void aBatchWrittenInACallersTransactionThatRollsBackLeavesNoRecordAndTheNextFollowsWithoutAGap(
            @Autowired org.springframework.transaction.PlatformTransactionManager transactions) {
        long before = chain.appendCommitted(new AuditChain.Entry("tester", "", "test.before", "x", "ok", "test"));
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
            chain.commitBatch(List.of(new AuditChain.Entry("tester", "", "test.rolled-back", "x", "ok", "test")));
            status.setRollbackOnly();
        });
        long after = chain.appendCommitted(new AuditChain.Entry("tester", "", "test.after", "x", "ok", "test"));
        assertThat(after).isGreaterThan(before);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'test.rolled-back'").query(Long.class).single())
                .isZero();
        assertThat(verifier.verify()).isInstanceOf(ChainVerification.Intact.class);
    }

    /** Prints the append rate of both paths under the same 64 writers (a measurement: no timing is asserted). */
    @Test
    void groupCommitAgainstOneTransactionPerRecord() throws Exception {
        double alone = rate(false);
        double grouped = rate(true);
        double aloneAgain = rate(false);
        System.out.printf("%nAUDIT APPEND 64 writers x 30: one transaction per record %.0f/s and %.0f/s,"
                + " group commit %.0f/s%n", alone, aloneAgain, grouped);
        long records = jdbc.sql("select count(*) from audit_record").query(Long.class).single();
        assertThat(verifier.verify()).isEqualTo(new ChainVerification.Intact(records));
    }

    private double rate(boolean grouped) throws Exception {
        int threads = 64;
        int each = 30;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    AuditChain.Entry entry = new AuditChain.Entry("tester", "", "test.rate", "i=" + i, "ok", "test");
                    if (grouped) {
                        chain.appendCommitted(entry);
                    } else {
                        chain.append(entry);
                    }
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return threads * each / seconds;
    }
}

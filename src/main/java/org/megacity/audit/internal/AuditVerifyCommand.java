package org.megacity.audit.internal;

import org.megacity.platform.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./megacity audit verify [--data DIR]}: checks the whole chain; exit 0 when intact, 1 when broken. */
@Component
class AuditVerifyCommand implements CliCommand {

    private final ChainVerifier verifier;

    AuditVerifyCommand(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public String name() {
        return "audit verify";
    }

    @Override
    public String summary() {
        return "Verify the audit trail's hash chain (exit 0: intact, 1: broken)";
    }

    @Override
    public int run(Invocation invocation) {
        long started = System.nanoTime();
        return switch (verifier.verify()) {
            case ChainVerification.Intact intact -> {
                invocation.out().printf("ok: %d records (%.1f s)%n", intact.records(),
                        (System.nanoTime() - started) / 1e9);
                yield 0;
            }
            case ChainVerification.Broken broken -> {
                invocation.out().printf("broken: record %d: %s: %s%n", broken.sequence(), broken.reason().code(),
                        broken.detail());
                yield 1;
            }
        };
    }
}

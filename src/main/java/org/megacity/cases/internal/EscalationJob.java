package org.megacity.cases.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Escalates cases whose deadline has passed: street centre → district centre → city centre. */
@Component
class EscalationJob {

    private static final Logger LOG = LoggerFactory.getLogger(EscalationJob.class);

    private final CaseService cases;

    EscalationJob(CaseService cases) {
        this.cases = cases;
    }

    @Scheduled(fixedDelayString = "${megacity.cases.escalation-interval:60s}", initialDelayString = "${megacity.cases.escalation-interval:60s}")
    void run() {
        try {
            int n = cases.escalateOverdue();
            if (n > 0) {
                LOG.info("{} overdue cases escalated", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("escalation run failed", e);
        }
    }
}

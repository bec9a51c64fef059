package org.megacity.cases.internal;

import java.time.Instant;
import org.megacity.cases.Channel;
import org.megacity.identity.Actor;
import org.springframework.context.ApplicationContext;

/**
 * Test access: files a case in an application context as the system at a given time, files and
 * dispatches it at given times, and says how it was routed and what deadlines it got, so two
 * instances can be given the same cases and compared.
 */
public final class CaseReplay {

    /** How a replayed case came out. */
    public record Outcome(String grid, String department, String departmentUnit, String centre, Instant dispatchDue,
            Instant handleDue) {
    }

    private CaseReplay() {
    }

    public static Outcome replay(ApplicationContext context, Channel channel, String category, String hotlineType,
            double lon, double lat, Instant reported, Instant filed, Instant dispatched) {
        CaseService cases = context.getBean(CaseService.class);
        CaseFile c = cases.at(reported, () -> cases.create(Actor.SYSTEM, new CaseService.NewCase(channel, category,
                hotlineType, null, "replayed case", null, lon, lat, null, "replay", channel == Channel.HOTLINE ? "市民" : null,
                channel == Channel.HOTLINE ? "13800000000" : null, null)));
        CaseFile afterFiling = cases.at(filed, () -> cases.act(Actor.SYSTEM, c.id, "file", CaseService.ActionInput.NONE));
        Instant dispatchDue = afterFiling.dueAt;
        CaseFile afterDispatch = cases.at(dispatched,
                () -> cases.act(Actor.SYSTEM, c.id, "dispatch", CaseService.ActionInput.NONE));
        return new Outcome(afterDispatch.gridCode, afterDispatch.department, afterDispatch.departmentUnit,
                afterDispatch.centre, dispatchDue, afterDispatch.handleDue);
    }
}

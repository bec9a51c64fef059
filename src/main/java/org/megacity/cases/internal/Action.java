package org.megacity.cases.internal;

import static org.megacity.cases.CaseStatus.CLOSED;
import static org.megacity.cases.CaseStatus.DISPATCHED;
import static org.megacity.cases.CaseStatus.EVALUATED;
import static org.megacity.cases.CaseStatus.FILED;
import static org.megacity.cases.CaseStatus.HANDLED;
import static org.megacity.cases.CaseStatus.IN_PROGRESS;
import static org.megacity.cases.CaseStatus.REPORTED;
import static org.megacity.cases.CaseStatus.SUSPENDED;
import static org.megacity.cases.CaseStatus.VERIFIED;
import static org.megacity.identity.Role.DEPARTMENT_HANDLER;
import static org.megacity.identity.Role.DISPATCHER;
import static org.megacity.identity.Role.HOTLINE_OPERATOR;
import static org.megacity.identity.Role.INSPECTOR;
import static org.megacity.identity.Role.SUPERVISOR;

import java.util.EnumSet;
import java.util.Set;
import org.megacity.cases.CaseStatus;
import org.megacity.identity.Role;

/**
 * The actions on a case: from which states, by which roles. The reporter (the citizen's own account)
 * may also evaluate and reopen; the system escalates.
 */
enum Action {
    FILE("file", EnumSet.of(REPORTED), EnumSet.of(DISPATCHER, SUPERVISOR)),
    REJECT("reject", EnumSet.of(REPORTED), EnumSet.of(DISPATCHER, SUPERVISOR)),
    MERGE("merge", EnumSet.of(REPORTED, FILED), EnumSet.of(DISPATCHER)),
    DISPATCH("dispatch", EnumSet.of(FILED), EnumSet.of(DISPATCHER)),
    ACCEPT("accept", EnumSet.of(DISPATCHED), EnumSet.of(DEPARTMENT_HANDLER)),
    RETURN("return", EnumSet.of(DISPATCHED, IN_PROGRESS), EnumSet.of(DEPARTMENT_HANDLER)),
    REQUEST_EXTENSION("request-extension", EnumSet.of(IN_PROGRESS), EnumSet.of(DEPARTMENT_HANDLER)),
    APPROVE_EXTENSION("approve-extension", EnumSet.of(IN_PROGRESS), EnumSet.of(SUPERVISOR, DISPATCHER)),
    DENY_EXTENSION("deny-extension", EnumSet.of(IN_PROGRESS), EnumSet.of(SUPERVISOR, DISPATCHER)),
    SUSPEND("suspend", EnumSet.of(DISPATCHED, IN_PROGRESS), EnumSet.of(SUPERVISOR, DISPATCHER)),
    RESUME("resume", EnumSet.of(SUSPENDED), EnumSet.of(SUPERVISOR, DISPATCHER)),
    HANDLE("handle", EnumSet.of(IN_PROGRESS), EnumSet.of(DEPARTMENT_HANDLER)),
    VERIFY("verify", EnumSet.of(HANDLED), EnumSet.of(INSPECTOR, SUPERVISOR)),
    FAIL_VERIFICATION("fail-verification", EnumSet.of(HANDLED), EnumSet.of(INSPECTOR, SUPERVISOR)),
    CLOSE("close", EnumSet.of(VERIFIED), EnumSet.of(DISPATCHER, SUPERVISOR)),
    EVALUATE("evaluate", EnumSet.of(CLOSED), EnumSet.of(HOTLINE_OPERATOR)),
    REOPEN("reopen", EnumSet.of(CLOSED, EVALUATED), EnumSet.of(HOTLINE_OPERATOR)),
    ESCALATE("escalate", EnumSet.of(FILED, DISPATCHED, IN_PROGRESS, HANDLED, VERIFIED), EnumSet.of(SUPERVISOR));

    private final String id;
    private final Set<CaseStatus> from;
    private final Set<Role> roles;

    Action(String id, Set<CaseStatus> from, Set<Role> roles) {
        this.id = id;
        this.from = from;
        this.roles = roles;
    }

    String id() {
        return id;
    }

    Set<CaseStatus> from() {
        return from;
    }

    Set<Role> roles() {
        return roles;
    }

    /** Whether the reporter of the case may take it (evaluate, reopen). */
    boolean reporterMay() {
        return this == EVALUATE || this == REOPEN;
    }

    static Action parse(String id) {
        for (Action a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        return null;
    }
}

package org.megacity.audit;

import org.megacity.identity.Actor;

/**
 * Appends records to the audit trail, for actions that do not arrive as HTTP requests (those are
 * recorded already), such as automated work: an escalation made by a schedule, an alert turned
 * into a case. Records cannot be changed or deleted.
 *
 * <p>An append joins the caller's transaction when there is one, so the record commits with the
 * change it describes, or not at all.
 */
public interface AuditTrail {

    /**
     * Records an action by the current actor ({@code CurrentActor}: the signed-in account in a
     * request, {@code system} elsewhere).
     *
     * @param action what was done, e.g. {@code "case.escalated"}
     * @param object what it was done to, e.g. {@code "case=C-2024-000123"}
     * @param result how it ended, e.g. {@code "ok"}, {@code "failed"}, {@code "denied"}
     * @return the record's sequence number
     */
    long record(String action, String object, String result);

    /** Records an action by the given actor. */
    long record(Actor actor, String action, String object, String result);
}

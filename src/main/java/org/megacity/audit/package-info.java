/**
 * The tamper-evident audit trail: every write, sign-in and command appends a record (time, actor,
 * roles, action, object, result, source) to an append-only HMAC hash chain, which
 * {@code ./megacity audit verify} and {@code GET /api/v1/audit/verify} check end to end.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package org.megacity.audit;

package org.megacity.audit.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.megacity.platform.Problems;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading and verifying the audit trail: the audit administrator's alone. Each use is itself
 * recorded ({@code audit.verified}, {@code audit.read}), so the auditor's own work leaves a trace.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "The audit trail (audit administrator only)")
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditApi {

    static final int MAX_PAGE = 1000;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    record RecordView(long sequence, String time, String actor, String roles, String action, String object,
            String result, String source, String hash) {
    }

    record Page(List<RecordView> records, String nextCursor) {
    }

    private final ChainVerifier verifier;
    private final AuditRecords records;
    private final AuditChain chain;

    AuditApi(ChainVerifier verifier, AuditRecords records, AuditChain chain) {
        this.verifier = verifier;
        this.records = records;
        this.chain = chain;
    }

    @GetMapping("/verify")
    @Operation(summary = "Verify the whole hash chain: {status: ok, records} or {status: broken, firstBrokenSequence, reason}")
    Map<String, Object> verify() {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (verifier.verify()) {
            case ChainVerification.Intact intact -> {
                body.put("status", "ok");
                body.put("records", intact.records());
            }
            case ChainVerification.Broken broken -> {
                body.put("status", "broken");
                body.put("firstBrokenSequence", broken.sequence());
                body.put("reason", broken.reason().code());
                body.put("detail", broken.detail());
            }
        }
        chain.record("audit.verified", "", "ok".equals(body.get("status")) ? "ok: " + body.get("records") + " records"
                : "broken: record " + body.get("firstBrokenSequence") + " " + body.get("reason"));
        return body;
    }

    @GetMapping("/records")
    @Operation(summary = "Records in sequence order, filtered by time [from, to) and actor; pass nextCursor as cursor")
    Page records(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw Problems.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        long after = 0;
        if (cursor != null) {
            try {
                after = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw Problems.invalid("cursor", "not a cursor this API returned");
            }
        }
        List<AuditRecord> found = records.search(after, instant("from", from), instant("to", to),
                actor == null || actor.isBlank() ? null : actor, limit + 1);
        boolean more = found.size() > limit;
        List<RecordView> shown = found.stream().limit(limit).map(AuditApi::view).toList();
        chain.record("audit.read", "from=" + (from == null ? "" : from) + " to=" + (to == null ? "" : to) + " actor="
                + (actor == null ? "" : actor) + " cursor=" + (cursor == null ? "" : cursor), "ok: " + shown.size()
                + " records");
        return new Page(shown, more ? Long.toString(shown.getLast().sequence()) : null);
    }

    static RecordView view(AuditRecord r) {
        return new RecordView(r.sequence(), format(r.time()), r.actor(), r.roles(), r.action(), r.object(),
                r.result(), r.source(), r.hash());
    }

    /** ISO 8601 with the server's offset, to the millisecond: {@code 2025-03-01T09:30:00.123+08:00}. */
    static String format(Instant time) {
        return TIME.format(time.atZone(ZoneId.systemDefault()));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "an ISO 8601 time with offset, e.g. 2025-03-01T00:00:00+08:00");
        }
    }
}

package org.megacity.participation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.megacity.identity.Actor;
import org.megacity.identity.PersonalDataAccess;
import org.megacity.identity.PersonalDataKind;
import org.megacity.legislation.DraftVersion;
import org.megacity.platform.Problems;

/** What the API and the pages show: views of the stored records, personal data masked for the viewer. */
final class Views {

    private Views() {
    }

    record ScopeArticle(String wId, String eId, String label) {
    }

    record ConsultationView(String id, String billId, int version, String title, String state, String stateName,
            String stateNameEn, Instant opensAt, Instant closesAt, boolean wholeBill, List<ScopeArticle> scope,
            String overrideReason, String createdBy, Instant reportPublishedAt) {
    }

    record DispositionView(String id, String outcome, String outcomeName, String outcomeNameEn, String reason,
            String referredTo, Integer changeVersion, String changeElementId, String changeWId, String groupLabel,
            Instant recordedAt, String recordedBy) {
    }

    /** An opinion as legislative staff see it: the submitter's data masked as their role allows. */
    record OpinionView(String id, String consultationId, String elementId, String wId, String elementLabel,
            String channel, String channelName, String channelNameEn, String text, Instant submittedAt, String name,
            String contact, String organisation, String meetingId, String reviewRequestId, LocalDate receivedOn,
            String recordedBy, boolean hidden, String hiddenReason, String hiddenBy, DispositionView disposition) {
    }

    /** An opinion as its contributor looks it up: no personal data, the disposition. */
    record ContributorView(String id, String consultationId, String consultationTitle, String elementId,
            String elementLabel, String channel, String text, Instant submittedAt, boolean hidden, String hiddenReason,
            DispositionView disposition) {
    }

    record Submitted(String id, String token, String consultationId, String elementId, String wId, String channel) {
    }

    static ConsultationView consultation(Consultation c, Instant now, DraftVersion version) {
        Consultation.State state = c.state(now);
        List<ScopeArticle> scope = c.scope().stream().map(wid -> version == null ? new ScopeArticle(wid, null, null)
                : version.element(wid).map(e -> new ScopeArticle(wid, e.eId(), e.label()))
                        .orElse(new ScopeArticle(wid, null, null))).toList();
        return new ConsultationView(c.id(), c.billId(), c.version(), c.title(), state.id(), state.nameZh(),
                state.nameEn(), c.opensAt(), c.closesAt(), c.wholeBill(), scope, c.overrideReason(), c.createdBy(),
                c.reportPublishedAt());
    }

    static DispositionView disposition(Disposition d) {
        if (d == null) {
            return null;
        }
        return new DispositionView(d.id(), d.outcome().id(), d.outcome().nameZh(), d.outcome().nameEn(), d.reason(),
                d.referredTo(), d.changeVersion(), d.changeEId(), d.changeWId(), d.groupLabel(), d.recordedAt(),
                d.recordedBy());
    }

    static OpinionView opinion(Opinion o, String name, String contact, Disposition d, Actor viewer) {
        return new OpinionView(o.id(), o.consultationId(), o.eId(), o.wId(), o.elementLabel(), o.channel().id(),
                o.channel().nameZh(), o.channel().nameEn(), o.text(), o.submittedAt(),
                PersonalDataAccess.present(viewer, PersonalDataKind.NAME, name), maskContact(viewer, contact),
                o.organisation(), o.meetingId(), o.reviewRequestId(), o.receivedOn(), o.recordedBy(), o.hidden(),
                o.hiddenReason(), o.hiddenBy(), disposition(d));
    }

    static ContributorView contributor(Opinion o, Consultation c, Disposition d) {
        return new ContributorView(o.id(), o.consultationId(), c.title(), o.eId(), o.elementLabel(), o.channel().id(),
                o.text(), o.submittedAt(), o.hidden(), o.hiddenReason(), disposition(d));
    }

    /** A contact as the viewer may see it: e-mail addresses and phone numbers by their rules, anything else as a name. */
    static String maskContact(Actor viewer, String contact) {
        if (contact == null) {
            return null;
        }
        PersonalDataKind kind = contact.contains("@") ? PersonalDataKind.EMAIL
                : contact.chars().filter(Character::isDigit).count() >= 7 && contact.length() <= 20 ? PersonalDataKind.PHONE
                : PersonalDataKind.NAME;
        return PersonalDataAccess.present(viewer, kind, contact);
    }

    /** An instant given as ISO-8601 with an offset (2026-12-01T00:00:00+08:00), a UTC instant, or a date (Beijing midnight). */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(Participation.CHINA).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(Participation.CHINA).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "not a date-time: '" + cut(value) + "' (ISO-8601, e.g. 2026-12-01T09:00:00+08:00)");
        }
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "not a date: '" + cut(value) + "' (YYYY-MM-DD)");
        }
    }

    private static String cut(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}

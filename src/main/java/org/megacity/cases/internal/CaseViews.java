package org.megacity.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.megacity.identity.Actor;
import org.megacity.identity.PersonalDataAccess;
import org.megacity.identity.PersonalDataKind;
import org.springframework.stereotype.Component;

/** Cases as the API shows them: reporter data masked unless the actor's role needs it in clear. */
@Component
class CaseViews {

    private final CaseService cases;

    CaseViews(CaseService cases) {
        this.cases = cases;
    }

    record Reporter(String name, String phone, String email) {
    }

    record Named(String code, String name, String nameEn) {
    }

    record CaseView(long id, int version, String status, String statusName, String statusNameEn, String channel,
            Named category, String hotlineType, String title, String description, String address, double lon, double lat,
            String grid, String community, String street, String district, String department, String departmentUnit,
            String centre, String level, String componentCode, String sourceRef, Reporter reporter, Long duplicateOf,
            Long mergedInto, String rejection, Instant reportedAt, Instant filedAt, Instant dispatchedAt,
            Instant acceptedAt, Instant handledAt, Instant verifiedAt, Instant closedAt, Instant evaluatedAt, Instant dueAt,
            Instant handleDue, boolean overdue, Double workingHoursLeft, String extensionRequest, String evidence,
            Boolean handledOnTime, Double handlingHours, Integer satisfaction, String mediaUrl, List<String> allowedActions) {
    }

    CaseView of(Actor actor, CaseFile c) {
        Instant now = cases.now();
        Category cat = cases.catalogue().category(c.category).orElse(null);
        Reporter reporter = new Reporter(mask(actor, c, PersonalDataKind.NAME, c.reporterName),
                mask(actor, c, PersonalDataKind.PHONE, c.reporterPhone), mask(actor, c, PersonalDataKind.EMAIL, c.reporterEmail));
        boolean running = c.dueAt != null && c.status.open() && c.status != org.megacity.cases.CaseStatus.SUSPENDED;
        Double left = null;
        if (running) {
            Duration d = cases.safeBetween(now, c.dueAt);
            left = d == null ? null : Math.round(d.toSeconds() / 36.0) / 100.0;
        }
        return new CaseView(c.id, c.version, c.status.id(), c.status.nameZh(), c.status.nameEn(), c.channel.id(),
                cat == null ? new Named(c.category, c.category, c.category) : new Named(cat.code(), cat.name(), cat.nameEn()),
                c.hotlineType, c.title, c.description, c.address, c.lon, c.lat, c.gridCode, c.communityCode, c.streetCode,
                c.districtCode, c.department, c.departmentUnit, c.centre, c.level(), c.componentCode, c.sourceRef, reporter,
                c.duplicateOf, c.mergedInto, c.rejection == null ? null : c.rejection.toLowerCase().replace('_', '-'),
                c.reportedAt, c.filedAt, c.dispatchedAt, c.acceptedAt, c.handledAt, c.verifiedAt, c.closedAt,
                c.evaluatedAt, c.dueAt, c.handleDue, running && now.isAfter(c.dueAt), left, c.extensionRequest, c.evidence,
                c.handledOnTime, c.handlingSeconds == null ? null : Math.round(c.handlingSeconds / 36.0) / 100.0,
                c.satisfaction, c.mediaUrl, cases.allowedActions(actor, c));
    }

    private String mask(Actor actor, CaseFile c, PersonalDataKind kind, String sealed) {
        if (sealed == null) {
            return null;
        }
        String known = c.sealedHere(sealed);
        String value = known != null ? known : cases.open(sealed);
        if (c.reporterAccount != null && c.reporterAccount.equals(actor.accountId())) {
            return value;
        }
        return PersonalDataAccess.present(actor, kind, value);
    }
}

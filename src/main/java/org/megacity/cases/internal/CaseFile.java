package org.megacity.cases.internal;

import java.time.Instant;
import org.megacity.cases.CaseStatus;
import org.megacity.cases.Channel;

/** A case as stored: a mutable working copy, written back under its version. */
final class CaseFile {
    long id;
    int version;
    CaseStatus status;
    Channel channel;
    String category;
    String hotlineType;
    String title;
    String description;
    String address;
    double lon;
    double lat;
    String gridCode;
    String communityCode;
    String streetCode;
    String districtCode;
    String department;
    String departmentUnit;
    String centre;
    int escalationLevel;
    String componentCode;
    String sourceRef;
    String reporterAccount;
    /** sealed by FieldCipher */
    String reporterName;
    String reporterPhone;
    String reporterEmail;
    String token;
    Long duplicateOf;
    Long mergedInto;
    String rejection;
    Instant reportedAt;
    Instant filedAt;
    Instant dispatchedAt;
    Instant acceptedAt;
    Instant handledAt;
    Instant verifiedAt;
    Instant closedAt;
    Instant evaluatedAt;
    /** the deadline of the current step, null when none runs (or no calendar covers it) */
    Instant dueAt;
    Instant handleDue;
    Instant escalationDue;
    CaseStatus suspendedFrom;
    Instant suspendedAt;
    String extensionRequest;
    String evidence;
    Long handlingSeconds;
    Boolean handledOnTime;
    Integer satisfaction;
    Instant updatedAt;

    /** Escalation levels: the street centre, the district centre, the city centre. */
    static final String[] LEVELS = {"street", "district", "city"};

    String level() {
        return LEVELS[escalationLevel];
    }
}

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
    /** A photo or video of the problem the reporter published elsewhere: an http(s) URL, shown as a link. */
    String mediaUrl;
    Long handlingSeconds;
    Boolean handledOnTime;
    Integer satisfaction;
    Instant updatedAt;

    /** Escalation levels: the street centre, the district centre, the city centre. */
    static final String[] LEVELS = {"street", "district", "city"};

    String level() {
        return LEVELS[escalationLevel];
    }

    /**
     * Personal data this process sealed for this copy, by sealed value: the view of a report just
     * taken shows it without decrypting what was encrypted a moment before. Never stored; a copy
     * read from the database has none.
     */
    private java.util.Map<String, String> sealedHere;

    /** Seals the clear value with {@code seal} and remembers the pair; null stays null. */
    String seal(String clear, java.util.function.UnaryOperator<String> seal) {
        if (clear == null) {
            return null;
        }
        String sealed = seal.apply(clear);
        if (sealedHere == null) {
            sealedHere = new java.util.HashMap<>(4);
        }
        sealedHere.put(sealed, clear);
        return sealed;
    }

    /** The clear value of a value this copy sealed, or null when it did not. */
    String sealedHere(String sealed) {
        return sealedHere == null ? null : sealedHere.get(sealed);
    }
}

package org.megacity.participation.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.megacity.participation.Channel;

/**
 * An opinion as stored. The submitter's name and contact are sealed (identity's FieldCipher); the
 * text is kept exactly as given.
 *
 * @param eId          the element it is anchored on, in the consultation's version; null for a general opinion
 * @param wId          that element's work-level id (stable across versions)
 * @param articleWId   the article it is in (itself for an article)
 * @param elementLabel 第十条第二款, or null
 */
record Opinion(String id, String consultationId, String eId, String wId, String articleWId, String elementLabel,
        Channel channel, String text, String bodyHash, String accountId, String sealedName, String sealedContact,
        String organisation, String meetingId, String reviewRequestId, LocalDate receivedOn, String tokenHash,
        Instant submittedAt, String recordedBy, Instant hiddenAt, String hiddenBy, String hiddenReason,
        String dispositionId) {

    boolean hidden() {
        return hiddenAt != null;
    }

    boolean general() {
        return eId == null;
    }
}

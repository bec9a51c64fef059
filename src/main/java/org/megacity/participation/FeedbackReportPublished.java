package org.megacity.participation;

/** The feedback report of a consultation was published (Legislation Law Art. 40: how comments were handled). */
public record FeedbackReportPublished(String consultationId, String billId, int version) {
}

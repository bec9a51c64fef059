package org.megacity.participation;

/** An opinion was received on a consultation (no personal data, no text). */
public record OpinionSubmitted(String consultationId, String opinionId, Channel channel, String articleWId) {
}

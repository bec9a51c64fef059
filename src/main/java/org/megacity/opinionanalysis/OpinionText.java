package org.megacity.opinionanalysis;

import java.time.Instant;
import java.util.Objects;

/**
 * One opinion to analyse.
 *
 * @param id         the caller's identifier of the opinion (required; unique within one analysis)
 * @param text       the opinion's text, any string ({@code null} is taken as empty)
 * @param article    the element id of the draft article it is about (e.g. {@code art_12}), or {@code null}
 * @param channel    where it came from (web, mail, contact point, ...), or {@code null}
 * @param receivedAt when it was received, or {@code null}
 */
public record OpinionText(String id, String text, String article, String channel, Instant receivedAt) {

    public OpinionText {
        Objects.requireNonNull(id, "id");
        text = text == null ? "" : text;
    }

    public static OpinionText of(String id, String text) {
        return new OpinionText(id, text, null, null, null);
    }

    public static OpinionText of(String id, String text, String article) {
        return new OpinionText(id, text, article, null, null);
    }
}

package org.megacity.legislation;

/**
 * A version of a draft was published (Legislation Law Art. 40: drafts are published for comment), so
 * anyone may now read it, and a consultation may open on it. Elements are anchored by their
 * {@code wId}, which stays the same across versions.
 */
public record DraftPublished(String billId, int version, String title) {
}

package org.megacity.legislation;

/**
 * A new version of a bill's draft was stored.
 *
 * @param articles how many articles it has
 */
public record DraftVersionAdded(String billId, int version, Stage stage, int articles) {
}

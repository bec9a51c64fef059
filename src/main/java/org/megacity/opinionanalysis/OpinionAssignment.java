package org.megacity.opinionanalysis;

/**
 * What the analysis says about one opinion.
 *
 * @param opinionId  the opinion's id
 * @param campaignId its campaign, or {@code null} when it is in none
 * @param topicId    its topic, or {@code null} when it has none (no usable words)
 * @param stance     the stance hint, or {@code null} when the lexicon finds none or a tie
 */
public record OpinionAssignment(String opinionId, String campaignId, String topicId, Stance stance) {
}

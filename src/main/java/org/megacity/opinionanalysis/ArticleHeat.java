package org.megacity.opinionanalysis;

/**
 * Where the public's attention falls on a draft.
 *
 * @param article            the article's element id, {@code ""} for opinions on the draft as a whole
 * @param opinions           opinions on the article
 * @param distinctOpinions   distinct opinions: a group of near-duplicates counts once
 * @param campaignOpinions   opinions that belong to a campaign
 * @param campaignShare      {@code campaignOpinions / opinions}
 */
public record ArticleHeat(String article, int opinions, int distinctOpinions, int campaignOpinions,
        double campaignShare) {
}

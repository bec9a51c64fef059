package org.megacity.opinionanalysis;

import java.util.List;

/**
 * The result of an analysis.
 *
 * @param opinions     the number of opinions analysed
 * @param campaigns    the campaigns, largest first
 * @param topics       the topics, largest first
 * @param heat         heat per article, sorted by article ({@code ""} first)
 * @param assignments  one per opinion, in input order
 */
public record OpinionAnalysis(int opinions, List<Campaign> campaigns, List<Topic> topics, List<ArticleHeat> heat,
        List<OpinionAssignment> assignments) {

    /** Opinions that belong to some campaign. */
    public int campaignOpinions() {
        return campaigns.stream().mapToInt(Campaign::count).sum();
    }
}

package org.megacity.opinionanalysis;

import java.util.List;
import java.util.Map;

/**
 * A cluster of opinions about the same matter, among the opinions in no campaign (a campaign takes
 * part through its representative; its members then belong to the campaign's topic).
 *
 * @param id         {@code T1}, {@code T2}, ... by decreasing size at the last full computation
 * @param labelZh    label for Chinese readers: its top terms, Chinese ones first
 * @param labelEn    label for English readers: its top terms, Latin-script ones first
 * @param terms      the top terms by weight in the topic's centroid
 * @param memberIds  the opinions in the topic (campaign members included), in input order
 * @param perArticle members per article ({@code ""} for none), sorted by article
 */
public record Topic(String id, String labelZh, String labelEn, List<String> terms, List<String> memberIds,
        Map<String, Integer> perArticle) {
}

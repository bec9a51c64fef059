package org.megacity.participation;

import java.util.List;

/**
 * Groups a consultation's opinions into campaigns (form letters: one text sent many times, possibly
 * with words swapped) and topics, for the feedback report and for dispositions in bulk. Participation
 * ships a simple one (exact duplicates after whitespace is normalised, lowest precedence); the
 * analysis engine (a later issue) implements this interface as a bean with a higher precedence
 * ({@link org.springframework.core.annotation.Order}) and is used instead. Opinions are never
 * dropped: a campaign is counted, and each of its opinions keeps its own record.
 */
public interface OpinionAnalysis {

    /** An opinion as the analysis sees it: no personal data. */
    record OpinionText(String opinionId, String articleWId, Channel channel, String text) {
    }

    /**
     * A group of opinions.
     *
     * @param kind       {@code campaign} (the same text many times) or {@code topic}
     * @param label      a short label for people (the campaign's text, cut; the topic's words)
     * @param opinionIds the opinions in it, at least two for a campaign
     */
    record OpinionGroup(String kind, String label, List<String> opinionIds) {

        public OpinionGroup {
            opinionIds = List.copyOf(opinionIds);
        }

        public int count() {
            return opinionIds.size();
        }
    }

    /** The groups of these opinions (of one consultation); an opinion may be in no group. */
    List<OpinionGroup> groups(List<OpinionText> opinions);
}

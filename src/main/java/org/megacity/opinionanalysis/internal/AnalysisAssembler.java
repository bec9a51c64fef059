package org.megacity.opinionanalysis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.megacity.opinionanalysis.AnalysisSettings;
import org.megacity.opinionanalysis.ArticleHeat;
import org.megacity.opinionanalysis.Campaign;
import org.megacity.opinionanalysis.OpinionAnalysis;
import org.megacity.opinionanalysis.OpinionAssignment;
import org.megacity.opinionanalysis.OpinionText;
import org.megacity.opinionanalysis.Stance;
import org.megacity.opinionanalysis.Topic;

/** Builds the published result from the index, the topic assignment and the stance hints. */
public final class AnalysisAssembler {

    private AnalysisAssembler() {
    }

    public static String campaignId(int root) {
        return "C-" + (root + 1);
    }

    public static String topicId(int topic) {
        return "T" + (topic + 1);
    }

    static boolean inCampaign(NearDuplicateIndex index, AnalysisSettings settings, int doc) {
        return index.groupable(doc) && index.groupSize(doc) >= settings.minCampaignSize();
    }

    /** The representative of each campaign by root (-1 elsewhere): its most copied text, earliest on a tie. */
    static int[] representatives(NearDuplicateIndex index, AnalysisSettings settings, int n) {
        int[] rep = new int[n];
        Arrays.fill(rep, -1);
        for (int doc = 0; doc < n; doc++) {
            if (!inCampaign(index, settings, doc) || index.exactMaster(doc) != doc) {
                continue;
            }
            int root = index.find(doc);
            if (rep[root] < 0 || index.copies(doc) > index.copies(rep[root])) {
                rep[root] = doc;
            }
        }
        return rep;
    }

    /** The opinions that topics are clustered over: those in no campaign, and each campaign's representative. */
    public static int[] distinctDocs(NearDuplicateIndex index, AnalysisSettings settings, int n) {
        int[] rep = representatives(index, settings, n);
        int[] out = new int[n];
        int size = 0;
        for (int doc = 0; doc < n; doc++) {
            if (!inCampaign(index, settings, doc) || rep[index.find(doc)] == doc) {
                out[size++] = doc;
            }
        }
        return Arrays.copyOf(out, size);
    }

    /** Campaign members take their representative's topic. */
    public static void inheritTopics(NearDuplicateIndex index, AnalysisSettings settings, int n, int[] topicOf) {
        int[] rep = representatives(index, settings, n);
        for (int doc = 0; doc < n; doc++) {
            if (inCampaign(index, settings, doc)) {
                int r = rep[index.find(doc)];
                if (r >= 0) {
                    topicOf[doc] = topicOf[r];
                }
            }
        }
    }

    public static OpinionAssignment assignment(NearDuplicateIndex index, AnalysisSettings settings,
            List<OpinionText> opinions, int doc, int[] topicOf, Stance[] stances) {
        String campaign = inCampaign(index, settings, doc) ? campaignId(index.find(doc)) : null;
        return new OpinionAssignment(opinions.get(doc).id(), campaign, topicOf[doc] < 0 ? null : topicId(topicOf[doc]),
                stances[doc]);
    }

    public static OpinionAnalysis assemble(NearDuplicateIndex index, AnalysisSettings settings, List<OpinionText> opinions,
            int[] topicOf, Stance[] stances, TopicModel model) {
        int n = opinions.size();
        int[] rep = representatives(index, settings, n);
        // campaigns
        Map<Integer, List<Integer>> members = new TreeMap<>();
        for (int doc = 0; doc < n; doc++) {
            if (inCampaign(index, settings, doc)) {
                members.computeIfAbsent(index.find(doc), r -> new ArrayList<>()).add(doc);
            }
        }
        List<Campaign> campaigns = new ArrayList<>(members.size());
        for (Map.Entry<Integer, List<Integer>> e : members.entrySet()) {
            List<Integer> docs = e.getValue();
            List<String> ids = new ArrayList<>(docs.size());
            Instant first = null;
            Instant last = null;
            Map<String, Integer> channels = new TreeMap<>();
            Map<String, Integer> articles = new TreeMap<>();
            int exactCopies = 0;
            for (int doc : docs) {
                OpinionText o = opinions.get(doc);
                ids.add(o.id());
                if (o.receivedAt() != null) {
                    first = first == null || o.receivedAt().isBefore(first) ? o.receivedAt() : first;
                    last = last == null || o.receivedAt().isAfter(last) ? o.receivedAt() : last;
                }
                channels.merge(o.channel() == null ? "" : o.channel(), 1, Integer::sum);
                articles.merge(o.article() == null ? "" : o.article(), 1, Integer::sum);
                if (index.exactMaster(doc) != doc) {
                    exactCopies++;
                }
            }
            int r = rep[e.getKey()] >= 0 ? rep[e.getKey()] : e.getKey();
            campaigns.add(new Campaign(campaignId(e.getKey()), List.copyOf(ids), ids.size(), exactCopies,
                    opinions.get(r).id(), opinions.get(r).text(), first, last, channels, articles));
        }
        campaigns.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count()) : 0);
        // topics
        int k = model.topics();
        List<List<String>> topicMembers = new ArrayList<>();
        List<Map<String, Integer>> perArticle = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            topicMembers.add(new ArrayList<>());
            perArticle.add(new TreeMap<>());
        }
        for (int doc = 0; doc < n; doc++) {
            int t = topicOf[doc];
            if (t >= 0 && t < k) {
                topicMembers.get(t).add(opinions.get(doc).id());
                String article = opinions.get(doc).article();
                perArticle.get(t).merge(article == null ? "" : article, 1, Integer::sum);
            }
        }
        List<Topic> topics = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            if (topicMembers.get(t).isEmpty()) {
                continue;
            }
            List<String> candidates = model.labelTerms(t);
            int count = settings.topicTerms();
            List<String> terms = candidates.subList(0, Math.min(count, candidates.size()));
            topics.add(new Topic(topicId(t), label(candidates, count, true, "、"), label(candidates, count, false, ", "),
                    List.copyOf(terms), List.copyOf(topicMembers.get(t)), perArticle.get(t)));
        }
        topics.sort((a, b) -> Integer.compare(b.memberIds().size(), a.memberIds().size()));
        // heat
        Map<String, int[]> heat = new TreeMap<>();
        Map<String, java.util.Set<Integer>> groups = new TreeMap<>();
        for (int doc = 0; doc < n; doc++) {
            String article = opinions.get(doc).article() == null ? "" : opinions.get(doc).article();
            int[] h = heat.computeIfAbsent(article, a -> new int[2]);
            h[0]++;
            if (inCampaign(index, settings, doc)) {
                h[1]++;
            }
            groups.computeIfAbsent(article, a -> new java.util.HashSet<>()).add(index.groupable(doc) ? index.find(doc) : doc);
        }
        List<ArticleHeat> heats = new ArrayList<>();
        for (Map.Entry<String, int[]> e : heat.entrySet()) {
            int[] h = e.getValue();
            heats.add(new ArticleHeat(e.getKey(), h[0], groups.get(e.getKey()).size(), h[1], (double) h[1] / h[0]));
        }
        // assignments
        List<OpinionAssignment> assignments = new ArrayList<>(n);
        for (int doc = 0; doc < n; doc++) {
            assignments.add(assignment(index, settings, opinions, doc, topicOf, stances));
        }
        return new OpinionAnalysis(n, List.copyOf(campaigns), List.copyOf(topics), List.copyOf(heats),
                java.util.Collections.unmodifiableList(assignments));
    }

    /** Up to {@code count} terms, those in CJK script first for Chinese readers, the others first for English. */
    static String label(List<String> candidates, int count, boolean cjkFirst, String separator) {
        List<String> preferred = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String t : candidates) {
            boolean cjk = TextNormalizer.isCjk(t.codePointAt(0));
            (cjk == cjkFirst ? preferred : rest).add(t);
        }
        List<String> chosen = new ArrayList<>(preferred.subList(0, Math.min(count, preferred.size())));
        if (chosen.isEmpty()) {
            chosen.addAll(rest.subList(0, Math.min(count, rest.size())));
        }
        return String.join(separator, chosen);
    }
}

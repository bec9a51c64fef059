package org.megacity.opinionanalysis;

import java.util.List;
import java.util.Map;
import org.megacity.opinionanalysis.internal.StanceLexicon;

/**
 * Analyses the opinions on a draft in one go: campaigns of exact and near-duplicate opinions
 * (character n-gram shingles, MinHash, LSH, confirmed by the real similarity of the shingle sets),
 * topics of the rest (smartcn words, TF-IDF, spherical k-means), heat per article and a stance
 * hint. Pure computation: no database, no Spring; the same settings give the same result for the
 * same input in the same order.
 */
public final class OpinionAnalyzer {

    /** The stance cues (see {@link Stance}). */
    public static final Map<Stance, List<String>> STANCE_LEXICON = StanceLexicon.CUES;

    private final AnalysisSettings settings;

    public OpinionAnalyzer() {
        this(AnalysisSettings.defaults());
    }

    public OpinionAnalyzer(AnalysisSettings settings) {
        this.settings = settings;
    }

    public AnalysisSettings settings() {
        return settings;
    }

    public OpinionAnalysis analyse(List<OpinionText> opinions) {
        return analyse(opinions, IncrementalAnalyzer.Progress.NONE);
    }

    public OpinionAnalysis analyse(List<OpinionText> opinions, IncrementalAnalyzer.Progress progress) {
        IncrementalAnalyzer analyzer = new IncrementalAnalyzer(settings, opinions.size());
        analyzer.addAll(opinions, progress);
        analyzer.recomputeTopics(progress);
        return analyzer.snapshot();
    }

    /** A streaming analyser with these settings, empty. */
    public IncrementalAnalyzer incremental() {
        return new IncrementalAnalyzer(settings);
    }

    /**
     * The near-duplicate pass alone over a stream too large to keep, in bounded memory (campaigns
     * only; the texts are not kept).
     */
    public CampaignStream campaignStream() {
        return new CampaignStream(settings, 1024);
    }

    /** The stance hint of one text, or {@code null}. */
    public static Stance stanceHint(String text) {
        return StanceLexicon.hint(text);
    }
}

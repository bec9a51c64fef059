package org.megacity.opinionanalysis;

/**
 * A hint of an opinion's stance, from a transparent lexicon of cue words (see
 * {@link OpinionAnalyzer#STANCE_LEXICON}); a hint for staff, never a verdict.
 */
public enum Stance {
    SUPPORT,
    OPPOSE,
    PROPOSE_CHANGE
}

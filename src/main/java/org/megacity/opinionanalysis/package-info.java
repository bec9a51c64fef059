/**
 * Opinion analysis: the campaigns (exact and near-duplicate form letters), the topics of the
 * remaining opinions, the heat per article of a draft and a stance hint, computed from opinion texts
 * alone. Pure computation with no tables, usable standalone at national scale (the
 * {@code ./megacity analyse-opinions} command) and by the participation module through
 * {@link org.megacity.opinionanalysis.OpinionAnalyzer} and
 * {@link org.megacity.opinionanalysis.IncrementalAnalyzer}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Opinion analysis")
package org.megacity.opinionanalysis;

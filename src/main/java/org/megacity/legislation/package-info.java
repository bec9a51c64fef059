/**
 * Legislation: the legislative plan in the priority areas, bills and their stages, structured
 * drafts (book, chapter, section, article, paragraph, item, sub-item) in versions per reading,
 * article-level diffs, Akoma Ntoso export, and the evidence panel of figures from the city's
 * operations that other modules provide through {@link org.megacity.legislation.EvidenceSource}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Legislation")
package org.megacity.legislation;

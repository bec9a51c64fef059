/**
 * The structured draft: a regulation's text as books, chapters, sections, articles, paragraphs and
 * items with Akoma Ntoso element ids, its parser, its diff and its export. Published as the
 * {@code draft} interface of legislation: participation reads a draft's structure to show it
 * article by article.
 */
@org.springframework.modulith.NamedInterface("draft")
package org.megacity.legislation.draft;

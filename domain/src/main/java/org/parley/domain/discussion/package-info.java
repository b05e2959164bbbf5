/**
 * Discussions and their outline of numbered, commentable sections. A discussion is born a
 * draft from an import's outline, in one transaction, so that no half-made discussion is
 * ever seen.
 * <p>
 * Each section and paragraph has a stable id besides its running number; edits of a draft
 * outline ({@link org.parley.domain.discussion.DraftOutline}) keep the ids, so that votes
 * and comments, which refer to the ids, stay on the text they were given to. The rules
 * per edit are in ADR 0018: paragraphs keep their ids wherever they move; a section
 * merged away keeps its row and its votes as a removed section, and its comments go onto
 * the paragraph that holds its former heading; a paragraph made a heading hands its
 * comments to the section it now heads.
 */
package org.parley.domain.discussion;

package org.parley.domain.participation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A comment on a section, optionally on one of its paragraphs and quoting a passage, or a
 * reply to another comment ({@code parentId}). The text is stored as written and escaped
 * on output.
 * <p>
 * It refers to the section and paragraph by id, never by their running numbers, so that
 * it stays on its text when the outline is edited (ADR 0018): a comment on a paragraph is
 * shown in the section that holds the paragraph now, a reply in its thread's section.
 *
 * @param sectionId the section it is shown in
 * @param paragraphId the paragraph it is on, or null for the whole section and for
 * replies
 */
public record Comment(UUID id, UUID discussionId, UUID sectionId, UUID paragraphId, String quote, UUID parentId,
		UUID participantId, String text, CommentState state, int flags, OffsetDateTime createdAt) {

}

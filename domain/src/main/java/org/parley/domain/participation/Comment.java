package org.parley.domain.participation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A comment on a section, optionally on one of its paragraphs and quoting a passage, or a
 * reply to another comment ({@code parentId}). The text is stored as written and escaped
 * on output.
 */
public record Comment(UUID id, UUID discussionId, int sectionNumber, Integer paragraphNumber, String quote,
		UUID parentId, UUID participantId, String text, CommentState state, int flags, OffsetDateTime createdAt) {

}

package org.parley.domain.participation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A comment as readers see it: with its author's shown name and its vote counts. */
public record CommentThreadEntry(UUID id, UUID parentId, UUID participantId, String author, String text,
		Integer paragraphNumber, String quote, CommentState state, int flags, int up, int down,
		OffsetDateTime createdAt) {

}

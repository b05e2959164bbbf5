package org.parley.domain.participation;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.outcome.CommentResponse;

/**
 * A comment as readers see it: with its author's shown name and its vote counts.
 *
 * @param paragraphId the paragraph it is on, or null
 * @param paragraphNumber that paragraph's running number in its section now, or null
 * @param response the organisers' answer, or null while unanswered
 */
public record CommentThreadEntry(UUID id, UUID parentId, UUID participantId, String author, String text,
		UUID paragraphId, Integer paragraphNumber, String quote, CommentState state, int flags, int up, int down,
		OffsetDateTime createdAt, CommentResponse response) {

}

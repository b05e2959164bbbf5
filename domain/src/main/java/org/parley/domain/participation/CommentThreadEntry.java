package org.parley.domain.participation;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.outcome.CommentResponse;

/**
 * A comment as readers see it: with its author's shown name and its vote counts.
 *
 * @param paragraphId the paragraph it is on, or null
 * @param paragraphNumber that paragraph's running number in its section now, or null;
 * null with a paragraph id when a later revision removed the paragraph
 * @param revision the revision of the document it was written on
 * @param ledToRevision the revision whose change an organiser said it led to, or null
 * @param response the organisers' answer, or null while unanswered
 */
public record CommentThreadEntry(UUID id, UUID parentId, UUID participantId, String author, String text,
		UUID paragraphId, Integer paragraphNumber, String quote, CommentState state, int flags, int up, int down,
		OffsetDateTime createdAt, int revision, Integer ledToRevision, CommentResponse response) {

	/** A comment on the first revision that led to no change and is unanswered. */
	public CommentThreadEntry(UUID id, UUID parentId, UUID participantId, String author, String text, UUID paragraphId,
			Integer paragraphNumber, String quote, CommentState state, int flags, int up, int down,
			OffsetDateTime createdAt) {
		this(id, parentId, participantId, author, text, paragraphId, paragraphNumber, quote, state, flags, up, down,
				createdAt, 1, null, null);
	}

	/** Whether it is on a paragraph that a later revision removed. */
	public boolean isOnRemovedText() {
		return this.paragraphId != null && this.paragraphNumber == null;
	}

}

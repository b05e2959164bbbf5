package org.parley.domain.outcome;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The organisers' answer to one comment.
 *
 * @param text the reason, as written (escaped on output); may be empty
 * @param respondedBy the organiser who answered, or null once that account is gone
 */
public record CommentResponse(ResponseStatus status, String text, OffsetDateTime respondedAt, UUID respondedBy) {

	/** The longest reason accepted, in characters. */
	public static final int MAX_TEXT = 10_000;

}

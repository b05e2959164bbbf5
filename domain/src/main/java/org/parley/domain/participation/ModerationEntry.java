package org.parley.domain.participation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A comment in the moderation queue: held for approval, or published and flagged since an
 * organiser last reviewed it.
 *
 * @param sectionNumber the running number of its section, or null if an edit removed that
 * section
 * @param flags how many participants flagged it, ever
 * @param since when it started waiting: its creation if held, else its first flag since
 * the last review
 */
public record ModerationEntry(UUID commentId, UUID parentId, Integer sectionNumber, String author, String text,
		CommentState state, int flags, OffsetDateTime createdAt, OffsetDateTime since) {

	/** Whether it waits because it is held for approval, not flagged. */
	public boolean held() {
		return this.state == CommentState.PENDING;
	}

}

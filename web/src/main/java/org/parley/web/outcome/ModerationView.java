package org.parley.web.outcome;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.ModerationEntry;

/**
 * {@code GET /api/discussions/{id}/moderation}: how many comments wait, and the queue,
 * oldest first.
 *
 * @param held comments waiting for approval
 * @param flagged published comments flagged since an organiser last decided on them
 */
public record ModerationView(int held, int flagged, List<Entry> comments) {

	/**
	 * @param reason WAITING (held for approval) or FLAGGED
	 * @param since when it started waiting: written, or first flagged since the last
	 * review
	 */
	public record Entry(UUID id, UUID parentId, Integer sectionNumber, String author, String text, CommentState state,
			int flags, OffsetDateTime createdAt, OffsetDateTime since, String reason) {

		static Entry of(ModerationEntry e) {
			return new Entry(e.commentId(), e.parentId(), e.sectionNumber(), e.author(), e.text(), e.state(), e.flags(),
					e.createdAt(), e.since(), e.held() ? "WAITING" : "FLAGGED");
		}

	}

}

package org.parley.domain.live;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One change in a discussion.
 *
 * @param seq its number in the discussion, from 1, without gaps, in commit order
 * @param sectionId the section whose votes changed, for
 * {@link DiscussionEventKind#SECTION_VOTED}
 * @param commentId the comment, for the comment kinds
 */
public record DiscussionEvent(UUID discussionId, long seq, DiscussionEventKind kind, UUID sectionId, UUID commentId,
		OffsetDateTime createdAt) {

}

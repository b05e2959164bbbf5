package org.parley.domain.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a notification says about a comment: who wrote what, where, and in answer to what.
 *
 * @param sectionNumber the running number of the section the comment is shown in now, or
 * null if an outline edit removed that section
 * @param sectionLabel the section's own numbering ("2.1."), or null
 * @param sectionHeading the section's heading, or null for the text before the first
 * heading
 * @param parentId the comment it replies to, or null for a new comment
 */
public record CommentContext(UUID commentId, UUID discussionId, String discussionTitle, Integer sectionNumber,
		String sectionLabel, String sectionHeading, UUID authorId, String authorName, String text, UUID parentId,
		String parentText, OffsetDateTime createdAt) {

}

package org.parley.domain.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Everything Parley holds that a participant wrote or voted, for their own download (GDPR
 * articles 15 and 20). Only ever given to that participant.
 */
public record PersonalData(Account account, List<WrittenComment> comments, List<SectionVote> sectionVotes,
		List<CommentVote> commentVotes, List<Flag> flags, List<UUID> followedDiscussions) {

	public record Account(UUID id, String email, String displayName, String language, OffsetDateTime createdAt) {
	}

	/**
	 * A comment or reply they wrote, where it stands, and the organiser's answer to it.
	 */
	public record WrittenComment(UUID id, UUID discussionId, String discussionTitle, Integer sectionNumber,
			String sectionLabel, String sectionHeading, UUID parentId, String quote, String text, String state,
			OffsetDateTime createdAt, String responseStatus, String responseText) {
	}

	public record SectionVote(UUID discussionId, String discussionTitle, Integer sectionNumber, String sectionLabel,
			String sectionHeading, boolean agree, OffsetDateTime votedAt) {
	}

	public record CommentVote(UUID commentId, UUID discussionId, boolean up) {
	}

	public record Flag(UUID commentId, UUID discussionId, OffsetDateTime flaggedAt) {
	}

}

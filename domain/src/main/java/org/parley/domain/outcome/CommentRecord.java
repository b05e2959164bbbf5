package org.parley.domain.outcome;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One comment or reply with everything an export or the report shows of it.
 *
 * @param sectionNumber the section's running number, or null for a section that outline
 * edits removed
 * @param paragraphNumber the paragraph it is on, or null for the whole section and for
 * replies
 * @param author the name others see ({@code Participant.shownName()})
 * @param replies how many replies it has, whatever their state
 * @param state the moderation state: PUBLISHED, PENDING or HIDDEN (and whatever
 * moderation adds)
 * @param responseStatus the organiser's answer, or null if unanswered
 * @param groupId its near-duplicate group, or null
 * @param groupSize how many comments the group holds, 0 without one
 * @param groupRepresentative whether it is the one the group is shown by
 */
public record CommentRecord(UUID id, UUID parentId, Integer sectionNumber, String sectionLabel, String sectionHeading,
		Integer paragraphNumber, String quote, String author, String text, OffsetDateTime createdAt, int up, int down,
		int replies, String state, int flags, String responseStatus, String responseText, OffsetDateTime respondedAt,
		UUID groupId, int groupSize, boolean groupRepresentative) {

	public boolean isReply() {
		return this.parentId != null;
	}

}

package org.parley.domain.outcome;

import java.util.List;
import java.util.UUID;

/**
 * Comments whose texts are near-duplicates of each other: "1 text × {@code size}
 * participants".
 *
 * @param representativeId the member that stands for the group: the earliest one
 * @param representativeText that member's text
 * @param commentIds every member, the representative first, then oldest first
 */
public record CommentGroup(UUID id, UUID discussionId, UUID representativeId, String representativeText,
		List<UUID> commentIds) {

	public int size() {
		return this.commentIds.size();
	}

}

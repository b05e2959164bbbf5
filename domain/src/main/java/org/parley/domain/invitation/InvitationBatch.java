package org.parley.domain.invitation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One list of people an organiser invited to a discussion.
 *
 * @param entries how many entries the list holds, header and blank lines aside
 */
public record InvitationBatch(UUID id, UUID discussionId, UUID organiserId, String message, String sourceName,
		int entries, FanOutState fanOut, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	public static InvitationBatch requested(UUID discussionId, UUID organiserId, String message, String sourceName,
			int entries, OffsetDateTime now) {
		return new InvitationBatch(UUID.randomUUID(), discussionId, organiserId, message, sourceName, entries,
				FanOutState.PENDING, now, now);
	}

}

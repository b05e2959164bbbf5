package org.parley.domain.invitation;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.work.JobRow;

/**
 * One list of people an organiser invited to a discussion.
 *
 * @param entries how many entries the list holds, header and blank lines aside
 */
public record InvitationBatch(UUID id, UUID discussionId, UUID organiserId, String message, String sourceName,
		int entries, FanOutState fanOut, OffsetDateTime createdAt, OffsetDateTime updatedAt) implements JobRow {

	public static InvitationBatch requested(UUID discussionId, UUID organiserId, String message, String sourceName,
			int entries, OffsetDateTime now) {
		return new InvitationBatch(UUID.randomUUID(), discussionId, organiserId, message, sourceName, entries,
				FanOutState.PENDING, now, now);
	}

	/** Whether the fan-out is done or failed: it is never moved back. */
	@Override
	public boolean isFinished() {
		return this.fanOut == FanOutState.DONE || this.fanOut == FanOutState.FAILED;
	}

	@Override
	public FanOutState workState() {
		return this.fanOut;
	}

}

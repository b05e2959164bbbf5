package org.parley.web.invitation;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationBatchState;
import org.parley.domain.invitation.InvitationCounts;
import org.parley.web.progress.ProgressStreams;

/**
 * A batch as the API shows it: {@code GET /api/invitation-batches/{id}} and every SSE
 * event.
 */
public record InvitationBatchView(UUID id, UUID discussionId, InvitationBatchState state, int total, int invalid,
		int duplicates, int suppressed, int queued, int sent, int failed, int percent,
		String message) implements ProgressStreams.Progress {

	static final String QUEUED_MESSAGE = "Your invites are being queued for sending. This might take some time depending on the number of invites";

	public static InvitationBatchView of(InvitationBatch batch, InvitationCounts c) {
		InvitationBatchState state = c.state(batch.fanOut());
		String message = switch (state) {
			case QUEUED, RUNNING -> QUEUED_MESSAGE;
			case SUCCEEDED ->
				"All invitations are sent or accounted for: " + c.sent() + " sent, " + c.failed() + " failed.";
			case FAILED -> "Parley could not read this list of invitees. Please try again later.";
		};
		return new InvitationBatchView(batch.id(), batch.discussionId(), state, c.total(), c.invalid(), c.duplicates(),
				c.suppressed(), c.queued(), c.sent(), c.failed(), c.percent(), message);
	}

	@JsonIgnore
	public boolean isFinished() {
		return this.state.isFinal();
	}

}

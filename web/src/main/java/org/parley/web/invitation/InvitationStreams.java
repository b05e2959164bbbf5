package org.parley.web.invitation;

import java.util.Optional;
import java.util.UUID;

import org.parley.domain.messaging.InvitationBatchProgressed;
import org.parley.domain.invitation.InvitationBatchRepository;

import org.parley.web.progress.ProgressStreams;

import org.springframework.stereotype.Component;

/** The open SSE streams of this web instance, by invitation batch. */
@Component
class InvitationStreams extends ProgressStreams<InvitationBatchView> {

	private final InvitationBatchRepository batches;

	InvitationStreams(InvitationBatchRepository batches) {
		super("invitations", InvitationBatchProgressed.class);
		this.batches = batches;
	}

	@Override
	protected Optional<InvitationBatchView> load(UUID batchId) {
		return this.batches.findById(batchId).map(b -> InvitationBatchView.of(b, this.batches.counts(b)));
	}

}

package org.parley.web.progress;

import java.util.Optional;
import java.util.UUID;

import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.web.invitation.InvitationBatchView;

import org.springframework.stereotype.Component;

/** The open SSE streams of this web instance, by invitation batch. */
@Component
public class InvitationStreams extends ProgressStreams<InvitationBatchView> {

	private final InvitationBatchRepository batches;

	InvitationStreams(InvitationBatchRepository batches) {
		super("invitations");
		this.batches = batches;
	}

	@Override
	protected Optional<InvitationBatchView> load(UUID batchId) {
		return this.batches.findById(batchId).map(b -> InvitationBatchView.of(b, this.batches.counts(b)));
	}

}

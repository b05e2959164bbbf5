package org.parley.web.invitation;

import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.messaging.InvitationBatchProgressed;
import org.parley.web.progress.ProgressStreams;

import org.springframework.stereotype.Component;

/** The open SSE streams of this web instance, by invitation batch. */
@Component
class InvitationStreams extends ProgressStreams<InvitationBatchView> {

	InvitationStreams(InvitationBatchRepository batches) {
		super("invitations", InvitationBatchProgressed.class,
				id -> batches.findById(id).map(b -> InvitationBatchView.of(b, batches.counts(b))));
	}

}

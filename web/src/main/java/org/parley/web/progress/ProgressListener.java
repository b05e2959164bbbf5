package org.parley.web.progress;

import org.parley.domain.messaging.ImportProgressed;
import org.parley.domain.messaging.InvitationBatchProgressed;

import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Relays progress events from the workers to this instance's SSE streams. Both kinds
 * share the one progress queue, so the handler is chosen by the message's type header.
 */
@Component
@RabbitListener(queues = "#{progressQueue.name}")
class ProgressListener {

	private final ImportStreams imports;

	private final InvitationStreams invitations;

	ProgressListener(ImportStreams imports, InvitationStreams invitations) {
		this.imports = imports;
		this.invitations = invitations;
	}

	@RabbitHandler
	void onImportProgressed(ImportProgressed event) {
		this.imports.refresh(event.importId());
	}

	@RabbitHandler
	void onInvitationBatchProgressed(InvitationBatchProgressed event) {
		this.invitations.refresh(event.batchId());
	}

}

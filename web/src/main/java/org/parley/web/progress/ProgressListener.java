package org.parley.web.progress;

import java.util.List;
import java.util.UUID;

import org.parley.domain.messaging.ImportProgressed;
import org.parley.domain.messaging.InvitationBatchProgressed;
import org.parley.domain.messaging.ReportProgressed;

import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Relays progress events from the workers to this instance's SSE streams. Every kind
 * shares the one progress queue, so the handler is chosen by the message's type header;
 * the streams of each kind live in the feature that owns the work.
 */
@Component
@RabbitListener(queues = "#{progressQueue.name}")
class ProgressListener {

	private final List<ProgressStreams<?>> streams;

	ProgressListener(List<ProgressStreams<?>> streams) {
		this.streams = List.copyOf(streams);
	}

	@RabbitHandler
	void onImportProgressed(ImportProgressed event) {
		refresh(ImportProgressed.class, event.importId());
	}

	@RabbitHandler
	void onInvitationBatchProgressed(InvitationBatchProgressed event) {
		refresh(InvitationBatchProgressed.class, event.batchId());
	}

	@RabbitHandler
	void onReportProgressed(ReportProgressed event) {
		refresh(ReportProgressed.class, event.reportId());
	}

	private void refresh(Class<?> messageType, UUID work) {
		for (ProgressStreams<?> kind : this.streams) {
			if (kind.isAnnouncedBy(messageType)) {
				kind.refresh(work);
			}
		}
	}

}

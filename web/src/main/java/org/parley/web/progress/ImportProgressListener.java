package org.parley.web.progress;

import org.parley.domain.messaging.ImportProgressed;

import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Relays progress events from the ingest-worker to this instance's SSE streams. */
@Component
class ImportProgressListener {

	private final ImportStreams streams;

	ImportProgressListener(ImportStreams streams) {
		this.streams = streams;
	}

	@RabbitListener(queues = "#{progressQueue.name}")
	void onProgress(ImportProgressed event) {
		this.streams.refresh(event.importId());
	}

}

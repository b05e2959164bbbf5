package org.parley.ingest.request;

import org.parley.domain.messaging.ImportRequested;
import org.parley.domain.messaging.Topology;
import org.parley.ingest.job.ImportRunner;

import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** Turns an {@link ImportRequested} message into one run of the import job. */
@Component
class ImportRequestListener {

	private final ImportRunner runner;

	ImportRequestListener(ImportRunner runner) {
		this.runner = runner;
	}

	@RabbitListener(queues = Topology.IMPORT_REQUESTED, concurrency = "${parley.import.consumers:1}")
	void onImportRequested(ImportRequested request,
			@Header(name = AmqpHeaders.REDELIVERED, defaultValue = "false") boolean redelivered) {
		this.runner.run(request.importId(), redelivered);
	}

}

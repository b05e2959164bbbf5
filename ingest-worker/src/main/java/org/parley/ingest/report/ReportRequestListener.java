package org.parley.ingest.report;

import org.parley.domain.messaging.ReportRequested;
import org.parley.domain.messaging.Topology;

import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** Turns a {@link ReportRequested} message into one run of the report job. */
@Component
class ReportRequestListener {

	private final ReportRunner runner;

	ReportRequestListener(ReportRunner runner) {
		this.runner = runner;
	}

	@RabbitListener(queues = Topology.REPORT_REQUESTED, concurrency = "${parley.report.consumers:1}")
	void onReportRequested(ReportRequested request,
			@Header(name = AmqpHeaders.REDELIVERED, defaultValue = "false") boolean redelivered) {
		this.runner.run(request.reportId(), redelivered);
	}

}

package org.parley.ingest.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.parley.domain.messaging.ReportProgressed;
import org.parley.domain.messaging.Topology;
import org.parley.domain.report.Report;
import org.parley.domain.report.ReportRepository;
import org.parley.domain.report.ReportStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records where a report stands, each change in its own transaction so that pages see it
 * while the step runs, and nudges the web to re-read it, as {@code ImportProgress} does
 * for imports.
 */
@Component
class ReportProgress {

	private static final Logger log = LoggerFactory.getLogger(ReportProgress.class);

	private final ReportRepository reports;

	private final RabbitTemplate rabbit;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	ReportProgress(ReportRepository reports, RabbitTemplate rabbit, PlatformTransactionManager transactions,
			Clock clock) {
		this.reports = reports;
		this.rabbit = rabbit;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	void report(UUID reportId, ReportStage stage, int percent, String message) {
		change(reportId, r -> r.progress(stage, percent, message, now()));
	}

	void fail(UUID reportId, String code, String why) {
		change(reportId, r -> r.fail(code, why, now()));
	}

	private void change(UUID reportId, UnaryOperator<Report> next) {
		Boolean changed = this.ownTransaction.execute(
				status -> this.reports.findById(reportId).map(r -> this.reports.update(next.apply(r))).orElse(false));
		if (Boolean.TRUE.equals(changed)) {
			announce(reportId);
		}
	}

	void announce(UUID reportId) {
		try {
			this.rabbit.convertAndSend(Topology.PROGRESS_EXCHANGE, "", new ReportProgressed(reportId));
		}
		catch (AmqpException ex) {
			log.warn("Progress of report {} not announced; pages will catch up from the database: {}", reportId,
					ex.getMessage());
		}
	}

	OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

}

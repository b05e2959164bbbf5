package org.parley.ingest.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.messaging.ReportProgressed;
import org.parley.domain.messaging.broker.ProgressAnnouncer;
import org.parley.domain.report.Report;
import org.parley.domain.report.ReportRepository;
import org.parley.domain.report.ReportStage;
import org.parley.domain.work.JobRowProgress;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Records where a report stands, each change in its own transaction so that pages see it
 * while the step runs ({@link JobRowProgress}), and nudges the web to re-read it.
 */
@Component
class ReportProgress {

	private final JobRowProgress<Report> progress;

	private final ProgressAnnouncer announcer;

	private final Clock clock;

	ReportProgress(ReportRepository reports, RabbitTemplate rabbit, PlatformTransactionManager transactions,
			Clock clock) {
		this.progress = new JobRowProgress<>(transactions, reports::findById, reports::update, this::announce);
		this.announcer = new ProgressAnnouncer(rabbit);
		this.clock = clock;
	}

	void report(UUID reportId, ReportStage stage, int percent, String message) {
		this.progress.change(reportId, r -> r.progress(stage, percent, message, now()));
	}

	void fail(UUID reportId, String code, String why) {
		this.progress.change(reportId, r -> r.fail(code, why, now()));
	}

	void announce(UUID reportId) {
		this.announcer.announce(new ReportProgressed(reportId), "report", reportId);
	}

	OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

}

package org.parley.ingest.report;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.report.ReportRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Picks up reports that nobody advances: their request was lost, or their worker died.
 * The runner's rules make a second run of a live report harmless.
 */
@Component
class StrandedReportSweep {

	private static final Logger log = LoggerFactory.getLogger(StrandedReportSweep.class);

	private final ReportRepository reports;

	private final ReportRunner runner;

	private final ReportSettings settings;

	private final ReportProgress progress;

	StrandedReportSweep(ReportRepository reports, ReportRunner runner, ReportSettings settings,
			ReportProgress progress) {
		this.reports = reports;
		this.runner = runner;
		this.settings = settings;
		this.progress = progress;
	}

	@Scheduled(initialDelayString = "${parley.report.sweep-interval:30s}",
			fixedDelayString = "${parley.report.sweep-interval:30s}")
	void resumeStrandedReports() {
		OffsetDateTime quietSince = this.progress.now().minus(this.settings.staleAfter());
		for (UUID reportId : this.reports.findUnfinishedQuietSince(quietSince, 10)) {
			try (MDC.MDCCloseable id = MDC.putCloseable("reportId", reportId.toString())) {
				log.warn("Report {} has not moved since before {}; resuming it", reportId, quietSince);
				this.runner.run(reportId, true);
			}
		}
	}

}

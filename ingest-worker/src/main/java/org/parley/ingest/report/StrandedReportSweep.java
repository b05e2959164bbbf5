package org.parley.ingest.report;

import java.time.Clock;

import org.parley.domain.report.ReportRepository;
import org.parley.domain.work.StrandedWorkSweep;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Picks up reports that nobody advances ({@link StrandedWorkSweep}): their request was
 * lost, or their worker died.
 */
@Component
class StrandedReportSweep {

	private final StrandedWorkSweep sweep;

	StrandedReportSweep(ReportRepository reports, ReportRunner runner, ReportSettings settings, Clock clock) {
		this.sweep = new StrandedWorkSweep("Report", "reportId", reports, id -> runner.run(id, true),
				settings.staleAfter(), clock);
	}

	@Scheduled(initialDelayString = "${parley.report.sweep-interval:30s}",
			fixedDelayString = "${parley.report.sweep-interval:30s}")
	void resumeStrandedReports() {
		this.sweep.sweep();
	}

}

package org.parley.ingest.report;

import java.time.Clock;

import org.parley.domain.report.ReportRepository;
import org.parley.ingest.batch.RowJobRunner;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs the report job for one report, once in effect, by the rules every job row follows:
 * a finished report or one another worker still advances is left alone; one whose worker
 * went quiet for longer than stale-after is claimed, recovered and made again.
 */
@Component
class ReportRunner extends RowJobRunner {

	ReportRunner(ReportRepository reports, JobRepository jobRepository, JobOperator jobOperator,
			Job discussionReportJob, ReportSettings settings, Clock clock) {
		super("Report", "reportId", reports, settings.staleAfter(), clock, jobRepository, jobOperator,
				discussionReportJob, ReportJobParameters::of);
	}

}

package org.parley.ingest.report;

import java.time.Clock;
import java.util.UUID;

import org.parley.domain.report.ReportRepository;
import org.parley.domain.work.JobRowRequests;
import org.parley.ingest.batch.BatchJobRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs the report job for one report, once in effect, by the rules every job row follows
 * ({@link JobRowRequests}): a finished report or one another worker still advances is
 * left alone; one whose worker went quiet for longer than stale-after is claimed,
 * recovered and made again.
 */
@Component
class ReportRunner {

	private static final Logger log = LoggerFactory.getLogger(ReportRunner.class);

	private final JobRowRequests requests;

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final Job discussionReportJob;

	ReportRunner(ReportRepository reports, JobRepository jobRepository, JobOperator jobOperator,
			Job discussionReportJob, ReportSettings settings, Clock clock) {
		this.requests = new JobRowRequests("Report", "reportId", reports, settings.staleAfter(), clock);
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.discussionReportJob = discussionReportJob;
	}

	void run(UUID reportId, boolean redelivered) {
		this.requests.handle(reportId, redelivered, new BatchJobRun(this.jobRepository, this.jobOperator,
				this.discussionReportJob, ReportJobParameters.of(reportId), "Report", reportId, log));
	}

}

package org.parley.ingest.report;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Turns the end of the job into the end of the report: done, or failed with a general
 * problem that never shows an exception's words.
 */
@Component
class ReportOutcome implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ReportOutcome.class);

	static final String FAILED = "REPORT_FAILED";

	private final ReportProgress progress;

	ReportOutcome(ReportProgress progress) {
		this.progress = progress;
	}

	@Override
	public void afterJob(JobExecution execution) {
		UUID reportId = ReportJobParameters.reportId(execution.getJobParameters());
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			this.progress.announce(reportId);
			return;
		}
		if (execution.getStatus() == BatchStatus.FAILED) {
			log.error("Report {} failed", reportId,
					execution.getAllFailureExceptions().stream().findFirst().orElse(null));
			this.progress.fail(reportId, FAILED,
					"Parley could not finish this report because of a problem on our side. Please try again later.");
		}
	}

}

package org.parley.ingest.report;

import java.util.UUID;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * The one identifying job parameter: the report id, so one report is one job instance.
 */
final class ReportJobParameters {

	static final String REPORT_ID = "reportId";

	/**
	 * Where the written file waits for the store step, in the job's execution context.
	 */
	static final String FILE = "reportFile";

	private ReportJobParameters() {
	}

	static JobParameters of(UUID reportId) {
		return new JobParametersBuilder().addString(REPORT_ID, reportId.toString(), true).toJobParameters();
	}

	static UUID reportId(JobParameters parameters) {
		return UUID.fromString(parameters.getString(REPORT_ID));
	}

	static UUID reportId(ChunkContext context) {
		return reportId(context.getStepContext().getStepExecution().getJobParameters());
	}

}

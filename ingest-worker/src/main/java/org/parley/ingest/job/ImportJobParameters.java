package org.parley.ingest.job;

import java.util.UUID;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * The one identifying job parameter: the import id, so that one import is one job
 * instance.
 */
final class ImportJobParameters {

	static final String IMPORT_ID = "importId";

	private ImportJobParameters() {
	}

	static JobParameters of(UUID importId) {
		return new JobParametersBuilder().addString(IMPORT_ID, importId.toString(), true).toJobParameters();
	}

	static UUID importId(JobParameters parameters) {
		return UUID.fromString(parameters.getString(IMPORT_ID));
	}

	static UUID importId(ChunkContext context) {
		return importId(context.getStepContext().getStepExecution().getJobParameters());
	}

}

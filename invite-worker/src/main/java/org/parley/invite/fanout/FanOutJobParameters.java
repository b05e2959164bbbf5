package org.parley.invite.fanout;

import java.util.UUID;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The one identifying job parameter: the batch id, so that one batch is one job instance.
 */
final class FanOutJobParameters {

	static final String BATCH_ID = "batchId";

	private FanOutJobParameters() {
	}

	static JobParameters of(UUID batchId) {
		return new JobParametersBuilder().addString(BATCH_ID, batchId.toString(), true).toJobParameters();
	}

	static UUID batchId(JobParameters parameters) {
		return UUID.fromString(parameters.getString(BATCH_ID));
	}

}

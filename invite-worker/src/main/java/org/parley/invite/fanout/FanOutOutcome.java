package org.parley.invite.fanout;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.invitation.FanOutState;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.invite.delivery.BatchProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Turns the end of a fan-out job into the batch's fan-out state. A failed run leaves the
 * batch running, so that a redelivered request or the sweep restarts it where it stopped;
 * after {@link #MAX_RUNS} failed runs the batch fails for good rather than loop.
 */
@Component
class FanOutOutcome implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(FanOutOutcome.class);

	static final int MAX_RUNS = 5;

	private final InvitationBatchRepository batches;

	private final JobRepository jobRepository;

	private final BatchProgress progress;

	private final Clock clock;

	FanOutOutcome(InvitationBatchRepository batches, JobRepository jobRepository, BatchProgress progress, Clock clock) {
		this.batches = batches;
		this.jobRepository = jobRepository;
		this.progress = progress;
		this.clock = clock;
	}

	@Override
	public void afterJob(JobExecution execution) {
		UUID batchId = FanOutJobParameters.batchId(execution.getJobParameters());
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			this.batches.markFanOut(batchId, FanOutState.DONE, OffsetDateTime.now(this.clock));
			log.info("Invitation batch {} fanned out", batchId);
		}
		else if (execution.getStatus() == BatchStatus.FAILED) {
			int runs = this.jobRepository.getJobExecutions(execution.getJobInstance()).size();
			Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
			if (runs >= MAX_RUNS) {
				log.error("Invitation batch {} failed its fan-out {} times; giving up", batchId, runs, cause);
				this.batches.markFanOut(batchId, FanOutState.FAILED, OffsetDateTime.now(this.clock));
			}
			else {
				log.warn("Invitation batch {} fan-out failed (run {}); it resumes on the next request", batchId, runs,
						cause);
			}
		}
		this.progress.changed(batchId);
	}

}

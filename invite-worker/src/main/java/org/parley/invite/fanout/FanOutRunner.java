package org.parley.invite.fanout;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.invitation.FanOutState;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs the fan-out of one batch, exactly once in effect: a finished fan-out is left
 * alone, a failed one restarts where it stopped, and one whose worker died (it stopped
 * moving) is recovered and restarted.
 */
@Component
public class FanOutRunner {

	private static final Logger log = LoggerFactory.getLogger(FanOutRunner.class);

	private final InvitationBatchRepository batches;

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final Job invitationFanOutJob;

	private final FanOutSettings settings;

	private final Clock clock;

	FanOutRunner(InvitationBatchRepository batches, JobRepository jobRepository, JobOperator jobOperator,
			Job invitationFanOutJob, FanOutSettings settings, Clock clock) {
		this.batches = batches;
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.invitationFanOutJob = invitationFanOutJob;
		this.settings = settings;
		this.clock = clock;
	}

	public void run(UUID batchId) {
		Optional<InvitationBatch> found = this.batches.findById(batchId);
		if (found.isEmpty()) {
			log.warn("Invitation batch {} requested but unknown; ignoring the request", batchId);
			return;
		}
		FanOutState state = found.get().fanOut();
		if (state == FanOutState.DONE || state == FanOutState.FAILED) {
			log.info("Invitation batch {} already fanned out ({}); ignoring a repeated request", batchId, state);
			return;
		}
		JobParameters parameters = FanOutJobParameters.of(batchId);
		JobExecution last = this.jobRepository.getLastJobExecution(InvitationFanOutJobConfiguration.JOB_NAME,
				parameters);
		if (last != null && last.isRunning()) {
			OffsetDateTime now = OffsetDateTime.now(this.clock);
			OffsetDateTime quietSince = now.minus(this.settings.staleAfter());
			if (!found.get().updatedAt().isBefore(quietSince)) {
				log.info("Invitation batch {} is being fanned out elsewhere; ignoring a repeated request", batchId);
				return;
			}
			// Two workers (or a redelivered request and a sweep) find the abandoned
			// fan-out at once: only the one that wins the claim recovers it, or the loser
			// would recover the winner's new, live execution.
			if (!this.batches.claimQuiet(batchId, quietSince, now)) {
				log.info("Invitation batch {} is being recovered by another worker; ignoring a repeated request",
						batchId);
				return;
			}
			log.warn("Invitation batch {} was abandoned by a worker; recovering and restarting", batchId);
			this.jobOperator.recover(last);
		}
		this.batches.markFanOut(batchId, FanOutState.RUNNING, OffsetDateTime.now(this.clock));
		try {
			JobExecution execution = this.jobOperator.start(this.invitationFanOutJob, parameters);
			log.info("Invitation batch {} fan-out ended with {}", batchId, execution.getStatus());
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			log.info("Invitation batch {} fan-out already complete; ignoring a repeated request", batchId);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			log.info("Invitation batch {} fan-out started elsewhere meanwhile; ignoring a repeated request", batchId);
		}
		catch (JobRestartException | InvalidJobParametersException ex) {
			throw new IllegalStateException("Fan-out of invitation batch " + batchId + " could not be started", ex);
		}
	}

}

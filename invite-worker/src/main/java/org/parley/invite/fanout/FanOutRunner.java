package org.parley.invite.fanout;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.invitation.FanOutState;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.work.JobRowRequests;
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
 * Runs the fan-out of one batch, exactly once in effect ({@link JobRowRequests}): a
 * finished fan-out is left alone, a failed one restarts where it stopped, and one whose
 * worker died (it stopped moving) is recovered and restarted.
 */
@Component
public class FanOutRunner {

	private static final Logger log = LoggerFactory.getLogger(FanOutRunner.class);

	private final InvitationBatchRepository batches;

	private final JobRowRequests requests;

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final Job invitationFanOutJob;

	private final Clock clock;

	FanOutRunner(InvitationBatchRepository batches, JobRepository jobRepository, JobOperator jobOperator,
			Job invitationFanOutJob, FanOutSettings settings, Clock clock) {
		this.batches = batches;
		this.requests = new JobRowRequests("Invitation batch", "batchId", batches, settings.staleAfter(), clock);
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.invitationFanOutJob = invitationFanOutJob;
		this.clock = clock;
	}

	public void run(UUID batchId) {
		this.requests.handle(batchId, false, new FanOut(batchId));
	}

	/** The fan-out job of one batch, for one request. */
	private final class FanOut implements JobRowRequests.Job {

		private final UUID batchId;

		private final JobParameters parameters;

		private JobExecution last;

		FanOut(UUID batchId) {
			this.batchId = batchId;
			this.parameters = FanOutJobParameters.of(batchId);
		}

		@Override
		public boolean lastRunning() {
			this.last = FanOutRunner.this.jobRepository.getLastJobExecution(InvitationFanOutJobConfiguration.JOB_NAME,
					this.parameters);
			return this.last != null && this.last.isRunning();
		}

		@Override
		public void recoverLast() {
			FanOutRunner.this.jobOperator.recover(this.last);
		}

		@Override
		public void start() {
			FanOutRunner.this.batches.markFanOut(this.batchId, FanOutState.RUNNING,
					OffsetDateTime.now(FanOutRunner.this.clock));
			try {
				JobExecution execution = FanOutRunner.this.jobOperator.start(FanOutRunner.this.invitationFanOutJob,
						this.parameters);
				log.info("Invitation batch {} fan-out ended with {}", this.batchId, execution.getStatus());
			}
			catch (JobInstanceAlreadyCompleteException ex) {
				log.info("Invitation batch {} fan-out already complete; ignoring a repeated request", this.batchId);
			}
			catch (JobExecutionAlreadyRunningException ex) {
				log.info("Invitation batch {} fan-out started elsewhere meanwhile; ignoring a repeated request",
						this.batchId);
			}
			catch (JobRestartException | InvalidJobParametersException ex) {
				throw new IllegalStateException("Fan-out of invitation batch " + this.batchId + " could not be started",
						ex);
			}
		}

	}

}

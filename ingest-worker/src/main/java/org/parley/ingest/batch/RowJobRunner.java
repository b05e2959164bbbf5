package org.parley.ingest.batch;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

import org.parley.domain.work.JobRowRequests;
import org.parley.domain.work.JobRows;
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

/**
 * Runs the Spring Batch job of one job row, exactly once in effect, by the rules of
 * {@link JobRowRequests}: the row's job instance is its last execution, recovered when
 * its worker died, and its start; a start that loses the race to another worker is
 * ignored. Each kind of row is a subclass that names its job, so that its log lines carry
 * the kind's own logger, where operators look for a job's end.
 */
public class RowJobRunner {

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final JobRowRequests requests;

	private final String noun;

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final Job job;

	private final Function<UUID, JobParameters> parameters;

	/**
	 * @param noun what the log calls one row ({@code Import})
	 * @param logKey the MDC key of its id ({@code importId})
	 * @param parameters the identifying parameters of a row's job instance
	 */
	public RowJobRunner(String noun, String logKey, JobRows rows, Duration staleAfter, Clock clock,
			JobRepository jobRepository, JobOperator jobOperator, Job job, Function<UUID, JobParameters> parameters) {
		this.requests = new JobRowRequests(noun, logKey, rows, staleAfter, clock);
		this.noun = noun;
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.job = job;
		this.parameters = parameters;
	}

	/**
	 * @param redelivered whether the broker delivered the request before, for the log
	 */
	public void run(UUID id, boolean redelivered) {
		this.requests.handle(id, redelivered, new Run(id));
	}

	/** The row's job instance, for one request. */
	private final class Run implements JobRowRequests.Job {

		private final UUID id;

		private final JobParameters parameters;

		private JobExecution last;

		Run(UUID id) {
			this.id = id;
			this.parameters = RowJobRunner.this.parameters.apply(id);
		}

		@Override
		public boolean lastRunning() {
			this.last = RowJobRunner.this.jobRepository.getLastJobExecution(RowJobRunner.this.job.getName(),
					this.parameters);
			return this.last != null && this.last.isRunning();
		}

		@Override
		public void recoverLast() {
			RowJobRunner.this.jobOperator.recover(this.last);
		}

		@Override
		public void start() {
			String noun = RowJobRunner.this.noun;
			try {
				JobExecution execution = RowJobRunner.this.jobOperator.start(RowJobRunner.this.job, this.parameters);
				RowJobRunner.this.log.info("{} {} ended with {}", noun, this.id, execution.getStatus());
			}
			catch (JobInstanceAlreadyCompleteException ex) {
				RowJobRunner.this.log.info("{} {} job already complete; ignoring a repeated request", noun, this.id);
			}
			catch (JobExecutionAlreadyRunningException ex) {
				RowJobRunner.this.log.info("{} {} started on another worker meanwhile; ignoring a repeated request",
						noun, this.id);
			}
			catch (JobRestartException | InvalidJobParametersException ex) {
				throw new IllegalStateException(noun + " " + this.id + " could not be started", ex);
			}
		}

	}

}

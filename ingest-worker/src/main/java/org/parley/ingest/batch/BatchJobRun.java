package org.parley.ingest.batch;

import java.util.UUID;

import org.parley.domain.work.JobRowRequests;
import org.slf4j.Logger;

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
 * The Spring Batch job instance of one row, for one request, as {@link JobRowRequests}
 * runs it: its last execution, recovered when its worker died, and its start. A start
 * that loses the race to another worker is ignored. It logs to the runner's logger, where
 * operators look for a job's end.
 */
public final class BatchJobRun implements JobRowRequests.Job {

	private final JobRepository repository;

	private final JobOperator operator;

	private final Job job;

	private final JobParameters parameters;

	private JobExecution last;

	private final String noun;

	private final UUID id;

	private final Logger log;

	/**
	 * @param noun what the log calls the row ({@code Import})
	 * @param log the runner's logger
	 */
	public BatchJobRun(JobRepository repository, JobOperator operator, Job job, JobParameters parameters, String noun,
			UUID id, Logger log) {
		this.repository = repository;
		this.operator = operator;
		this.job = job;
		this.parameters = parameters;
		this.noun = noun;
		this.id = id;
		this.log = log;
	}

	@Override
	public boolean lastRunning() {
		this.last = this.repository.getLastJobExecution(this.job.getName(), this.parameters);
		return this.last != null && this.last.isRunning();
	}

	@Override
	public void recoverLast() {
		this.operator.recover(this.last);
	}

	@Override
	public void start() {
		try {
			JobExecution execution = this.operator.start(this.job, this.parameters);
			this.log.info("{} {} ended with {}", this.noun, this.id, execution.getStatus());
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			this.log.info("{} {} job already complete; ignoring a repeated request", this.noun, this.id);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			this.log.info("{} {} started on another worker meanwhile; ignoring a repeated request", this.noun, this.id);
		}
		catch (JobRestartException | InvalidJobParametersException ex) {
			throw new IllegalStateException(this.noun + " " + this.id + " could not be started", ex);
		}
	}

}

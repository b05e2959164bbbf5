package org.parley.ingest.job;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
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
 * Runs the import job for one import, exactly once in effect. A request for an import
 * that has finished is ignored. A request for one that another worker runs and still
 * advances is ignored too; one whose worker stopped advancing it (it died) is recovered
 * and restarted.
 */
@Component
public class ImportRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final DocumentImportRepository imports;

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final Job documentImportJob;

	private final ImportSettings settings;

	private final Clock clock;

	ImportRunner(DocumentImportRepository imports, JobRepository jobRepository, JobOperator jobOperator,
			Job documentImportJob, ImportSettings settings, Clock clock) {
		this.imports = imports;
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.documentImportJob = documentImportJob;
		this.settings = settings;
		this.clock = clock;
	}

	public void run(UUID importId, boolean redelivered) {
		Optional<DocumentImport> found = this.imports.findById(importId);
		if (found.isEmpty()) {
			log.warn("Import {} requested but unknown; ignoring the request", importId);
			return;
		}
		if (found.get().isFinished()) {
			log.info("Import {} already {}; ignoring a repeated request", importId, found.get().state());
			return;
		}
		JobParameters parameters = ImportJobParameters.of(importId);
		JobExecution last = this.jobRepository.getLastJobExecution(ImportJobConfiguration.JOB_NAME, parameters);
		if (last != null && last.isRunning()) {
			OffsetDateTime now = OffsetDateTime.now(this.clock);
			OffsetDateTime quietSince = now.minus(this.settings.staleAfter());
			if (!found.get().updatedAt().isBefore(quietSince)) {
				log.info("Import {} is running on another worker; ignoring a repeated request", importId);
				return;
			}
			// A redelivered request and a sweep, or two workers' sweeps, find the
			// abandoned import at
			// once: only the one that wins the claim recovers it, or the loser would
			// recover the
			// winner's new, live execution.
			if (!this.imports.claimQuiet(importId, quietSince, now)) {
				log.info("Import {} is being recovered by another worker; ignoring a repeated request", importId);
				return;
			}
			log.warn("Import {} was abandoned by a worker (redelivered: {}); recovering and restarting", importId,
					redelivered);
			this.jobOperator.recover(last);
		}
		start(importId, parameters);
	}

	private void start(UUID importId, JobParameters parameters) {
		try {
			JobExecution execution = this.jobOperator.start(this.documentImportJob, parameters);
			log.info("Import {} ended with {}", importId, execution.getStatus());
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			log.info("Import {} job already complete; ignoring a repeated request", importId);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			log.info("Import {} started on another worker meanwhile; ignoring a repeated request", importId);
		}
		catch (JobRestartException | InvalidJobParametersException ex) {
			throw new IllegalStateException("Import " + importId + " could not be started", ex);
		}
	}

}

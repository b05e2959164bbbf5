package org.parley.ingest.job;

import java.time.Clock;
import java.util.UUID;

import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.work.JobRowRequests;
import org.parley.ingest.batch.BatchJobRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs the import job for one import, exactly once in effect ({@link JobRowRequests}). A
 * request for an import that has finished is ignored. A request for one that another
 * worker runs and still advances is ignored too; one whose worker stopped advancing it
 * (it died) is recovered and restarted.
 */
@Component
public class ImportRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final JobRowRequests requests;

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final Job documentImportJob;

	ImportRunner(DocumentImportRepository imports, JobRepository jobRepository, JobOperator jobOperator,
			Job documentImportJob, ImportSettings settings, Clock clock) {
		this.requests = new JobRowRequests("Import", "importId", imports, settings.staleAfter(), clock);
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.documentImportJob = documentImportJob;
	}

	public void run(UUID importId, boolean redelivered) {
		this.requests.handle(importId, redelivered, new BatchJobRun(this.jobRepository, this.jobOperator,
				this.documentImportJob, ImportJobParameters.of(importId), "Import", importId, log));
	}

}

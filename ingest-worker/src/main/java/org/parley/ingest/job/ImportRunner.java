package org.parley.ingest.job;

import java.time.Clock;

import org.parley.domain.imports.DocumentImportRepository;
import org.parley.ingest.batch.RowJobRunner;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs the import job for one import, exactly once in effect. A request for an import
 * that has finished is ignored. A request for one that another worker runs and still
 * advances is ignored too; one whose worker stopped advancing it (it died) is recovered
 * and restarted.
 */
@Component
public class ImportRunner extends RowJobRunner {

	ImportRunner(DocumentImportRepository imports, JobRepository jobRepository, JobOperator jobOperator,
			Job documentImportJob, ImportSettings settings, Clock clock) {
		super("Import", "importId", imports, settings.staleAfter(), clock, jobRepository, jobOperator,
				documentImportJob, ImportJobParameters::of);
	}

}

package org.parley.ingest.job;

import java.util.UUID;

import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Turns the end of a job into the end of the import: a rejected document becomes its
 * specific problem, anything else a general one that never shows an exception's words.
 */
@Component
class ImportOutcome implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ImportOutcome.class);

	static final ImportProblem UNEXPECTED = new ImportProblem("IMPORT_FAILED", "Import failed",
			"Parley could not finish importing this document because of a problem on our side. Please try again later.");

	private final ImportProgress progress;

	private final ImportWorkspace workspace;

	ImportOutcome(ImportProgress progress, ImportWorkspace workspace) {
		this.progress = progress;
		this.workspace = workspace;
	}

	@Override
	public void afterJob(JobExecution execution) {
		UUID importId = ImportJobParameters.importId(execution.getJobParameters());
		this.workspace.release(importId);
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			this.progress.announce(importId);
			return;
		}
		if (execution.getStatus() == BatchStatus.FAILED) {
			ImportProblem problem = execution.getAllFailureExceptions()
				.stream()
				.map(ImportOutcome::rejection)
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.orElse(null);
			if (problem == null) {
				log.error("Import {} failed unexpectedly", importId,
						execution.getAllFailureExceptions().stream().findFirst().orElse(null));
				problem = UNEXPECTED;
			}
			else {
				log.info("Import {} rejected: {}", importId, problem.code());
			}
			this.progress.fail(importId, problem);
		}
	}

	private static ImportProblem rejection(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof DocumentRejected rejected) {
				return rejected.problem();
			}
		}
		return null;
	}

}

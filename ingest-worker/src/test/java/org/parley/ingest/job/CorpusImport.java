package org.parley.ingest.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.parley.domain.imports.DocumentFormat;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.ImportStage;
import org.parley.domain.outline.Outline;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Imports a local file through the import job's own extraction and structuring steps,
 * with their dispatch by format, but without the database, the broker or Spring: the
 * corpus's structure report measures exactly what an organiser's import produces, in a
 * fraction of the time a job launch takes. Progress reports go nowhere.
 */
public final class CorpusImport {

	private static final ImportSettings SETTINGS = new ImportSettings(2000, null, Duration.ofMinutes(2),
			Duration.ofSeconds(90), 5000, 50000, 10_000_000);

	private CorpusImport() {
	}

	public static Outline outline(Path file, DocumentFormat format) throws IOException {
		UUID importId = UUID.randomUUID();
		ImportWorkspace workspace = new ImportWorkspace();
		ImportWorkspace.Entry entry = workspace.of(importId);
		entry.file = file;
		entry.format = format;
		ImportProgress progress = new SilentProgress();
		StepExecution extracting = step("extract", importId);
		new TextExtraction(workspace, progress, SETTINGS).execute(new StepContribution(extracting), chunk(extracting));
		StepExecution structuring = step("structure", importId);
		new OutlineStructuring(workspace, progress, SETTINGS).execute(new StepContribution(structuring),
				chunk(structuring));
		Outline outline = entry.outline;
		entry.file = null;
		workspace.release(importId);
		return outline;
	}

	private static StepExecution step(String name, UUID importId) {
		JobExecution job = new JobExecution(1L, new JobInstance(1L, "import"), ImportJobParameters.of(importId));
		return new StepExecution(name, job);
	}

	private static ChunkContext chunk(StepExecution step) {
		return new ChunkContext(new StepContext(step));
	}

	private static final class SilentProgress extends ImportProgress {

		SilentProgress() {
			// Nothing is read or written: every report is dropped below.
			super(new DocumentImportRepository(null), null, null, Clock.systemUTC());
		}

		@Override
		void report(UUID importId, ImportStage stage, int percent, String message, Integer pages) {
		}

	}

}

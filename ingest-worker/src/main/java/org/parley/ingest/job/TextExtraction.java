package org.parley.ingest.job;

import java.util.UUID;

import org.parley.domain.imports.ImportStage;
import org.parley.ingest.pdf.PdfTextExtractor;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Reads the text of every page with its positions and fonts, reporting page by page. Reports are
 * spaced out in time, because a database write per page would cost more than reading the page.
 */
@Component
class TextExtraction implements Tasklet {

	static final String MESSAGE = "Creating your discussion: please do not close this window";

	private static final long REPORT_EVERY_NANOS = 250_000_000L;

	private final ImportWorkspace workspace;

	private final ImportProgress progress;

	private final ImportSettings settings;

	TextExtraction(ImportWorkspace workspace, ImportProgress progress, ImportSettings settings) {
		this.workspace = workspace;
		this.progress = progress;
		this.settings = settings;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
		UUID importId = ImportJobParameters.importId(context);
		ImportWorkspace.Entry entry = this.workspace.of(importId);
		this.progress.report(importId, ImportStage.EXTRACTING, 5, MESSAGE, null);
		long[] lastReport = { System.nanoTime() };
		entry.document = new PdfTextExtractor(this.settings.maxPages()).extract(entry.file, (page, pages) -> {
			long now = System.nanoTime();
			if (page == pages || now - lastReport[0] >= REPORT_EVERY_NANOS) {
				lastReport[0] = now;
				this.progress.report(importId, ImportStage.EXTRACTING, 5 + (75 * page) / pages,
						MESSAGE + " (page " + page + " of " + pages + ")", pages);
			}
		});
		return RepeatStatus.FINISHED;
	}

}

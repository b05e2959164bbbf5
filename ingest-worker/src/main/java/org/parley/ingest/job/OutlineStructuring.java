package org.parley.ingest.job;

import java.util.UUID;

import org.parley.domain.imports.ImportStage;
import org.parley.domain.outline.Outline;
import org.parley.ingest.structure.DocumentStructurer;
import org.parley.ingest.structure.MarkupStructurer;
import org.parley.ingest.structure.OutlineBudget;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Splits the extracted text into titled, numbered sections and their paragraphs: a PDF by
 * its layout and typography, the other formats by what their markup says; then checks the
 * outline against its budget, whatever the format.
 */
@Component
class OutlineStructuring implements Tasklet {

	private final ImportWorkspace workspace;

	private final ImportProgress progress;

	private final DocumentStructurer structurer = new DocumentStructurer(
			Boolean.getBoolean("parley.import.pdf-tables"));

	private final MarkupStructurer markupStructurer = new MarkupStructurer();

	private final OutlineBudget budget;

	OutlineStructuring(ImportWorkspace workspace, ImportProgress progress, ImportSettings settings) {
		this.workspace = workspace;
		this.progress = progress;
		this.budget = settings.outlineBudget();
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
		UUID importId = ImportJobParameters.importId(context);
		ImportWorkspace.Entry entry = this.workspace.of(importId);
		this.progress.report(importId, ImportStage.STRUCTURING, 80, TextExtraction.MESSAGE, null);
		Outline outline = (entry.parts != null) ? this.markupStructurer.structure(entry.parts)
				: this.structurer.structure(entry.document);
		this.budget.check(outline);
		entry.outline = outline;
		entry.document = null;
		entry.parts = null;
		return RepeatStatus.FINISHED;
	}

}

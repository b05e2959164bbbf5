package org.parley.ingest.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;
import org.parley.domain.imports.ImportStage;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Copies the uploaded document from the database to a local file that PDFBox can read at random. */
@Component
class DocumentFetch implements Tasklet {

	static final String MESSAGE = "Parley is reading your document…";

	private final DocumentImportRepository imports;

	private final ImportWorkspace workspace;

	private final ImportProgress progress;

	private final ImportSettings settings;

	DocumentFetch(DocumentImportRepository imports, ImportWorkspace workspace, ImportProgress progress,
			ImportSettings settings) {
		this.imports = imports;
		this.workspace = workspace;
		this.progress = progress;
		this.settings = settings;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws IOException {
		UUID importId = ImportJobParameters.importId(context);
		this.progress.report(importId, ImportStage.FETCHING, 1, MESSAGE, null);
		Path directory = Files.createDirectories(this.settings.workDirectoryOrTemp());
		Path file = Files.createTempFile(directory, "parley-import-" + importId, ".bin");
		boolean found = this.imports.readContent(importId, in -> {
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			return true;
		}).orElse(false);
		if (!found) {
			Files.deleteIfExists(file);
			throw new DocumentRejected(new ImportProblem("SOURCE_MISSING", "Document missing",
					"The uploaded document could not be found any more. Please upload it again."));
		}
		this.workspace.of(importId).file = file;
		this.progress.report(importId, ImportStage.FETCHING, 5, MESSAGE, null);
		return RepeatStatus.FINISHED;
	}

}

package org.parley.ingest.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.parley.domain.imports.DocumentFormat;
import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;
import org.parley.domain.imports.ImportStage;
import org.parley.domain.imports.SourceKind;
import org.parley.ingest.drive.DriveDocuments;
import org.parley.ingest.drive.FetchedDocument;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Brings the document to a local file that the readers can open at random: an upload from
 * the database, a Drive file from Drive. Records which format the bytes are, which
 * decides the reader.
 */
@Component
class DocumentFetch implements Tasklet {

	static final String MESSAGE = "Parley is reading your document…";

	static final String DRIVE_MESSAGE = "Loading your document from Drive. It can take a while depending on the size of the document… please wait";

	private final DocumentImportRepository imports;

	private final ImportWorkspace workspace;

	private final ImportProgress progress;

	private final ImportSettings settings;

	private final DriveDocuments drive;

	DocumentFetch(DocumentImportRepository imports, ImportWorkspace workspace, ImportProgress progress,
			ImportSettings settings, DriveDocuments drive) {
		this.imports = imports;
		this.workspace = workspace;
		this.progress = progress;
		this.settings = settings;
		this.drive = drive;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws IOException {
		UUID importId = ImportJobParameters.importId(context);
		DocumentImport documentImport = this.imports.findById(importId).orElseThrow();
		Path directory = Files.createDirectories(this.settings.workDirectoryOrTemp());
		Path file = Files.createTempFile(directory, "parley-import-" + importId, ".bin");
		ImportWorkspace.Entry entry = this.workspace.of(importId);
		entry.file = file;
		if (documentImport.sourceKind() == SourceKind.DRIVE) {
			this.progress.report(importId, ImportStage.FETCHING, 1, DRIVE_MESSAGE, null);
			FetchedDocument fetched = this.drive.fetch(documentImport.driveFileId(), documentImport.organiserId(), file,
					(attempt, maxAttempts) -> this.progress.report(importId, ImportStage.FETCHING, 2,
							"Google Drive is busy; Parley is still trying (attempt " + attempt + " of " + maxAttempts
									+ ")… please wait",
							null));
			entry.format = fetched.format();
			this.progress.fetched(importId, fetched.name(), fetched.format().mediaType());
			this.progress.report(importId, ImportStage.FETCHING, 5, DRIVE_MESSAGE, null);
			return RepeatStatus.FINISHED;
		}
		this.progress.report(importId, ImportStage.FETCHING, 1, MESSAGE, null);
		entry.format = DocumentFormat.ofMediaType(documentImport.mediaType())
			.orElseThrow(() -> new DocumentRejected(new ImportProblem("UNSUPPORTED_FORMAT", "Unsupported file type",
					"Parley cannot import files of type " + documentImport.mediaType()
							+ ". Please upload a PDF, a Word (.docx), an OpenDocument (.odt) or a Markdown file.")));
		boolean found = this.imports.readContent(importId, in -> {
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			return true;
		}).orElse(false);
		if (!found) {
			throw new DocumentRejected(new ImportProblem("SOURCE_MISSING", "Document missing",
					"The uploaded document could not be found any more. Please upload it again."));
		}
		this.progress.report(importId, ImportStage.FETCHING, 5, MESSAGE, null);
		return RepeatStatus.FINISHED;
	}

}

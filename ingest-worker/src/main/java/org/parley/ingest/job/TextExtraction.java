package org.parley.ingest.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.parley.domain.imports.DocumentFormat;
import org.parley.domain.imports.DocumentRejected;
import org.parley.domain.imports.ImportProblem;
import org.parley.domain.imports.ImportStage;
import org.parley.ingest.docx.DocxReader;
import org.parley.ingest.gdocs.GoogleDocsHtmlReader;
import org.parley.ingest.markdown.MarkdownReader;
import org.parley.ingest.odt.OdtReader;
import org.parley.ingest.pdf.PdfTextExtractor;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Reads the fetched document with the reader of its format. A PDF is read page by page
 * with positions and fonts, reporting as it goes; reports are spaced out in time, because
 * a database write per page would cost more than reading the page. The other formats are
 * read whole.
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
	public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws IOException {
		UUID importId = ImportJobParameters.importId(context);
		ImportWorkspace.Entry entry = this.workspace.of(importId);
		this.progress.report(importId, ImportStage.EXTRACTING, 5, MESSAGE, null);
		DocumentFormat format = (entry.format != null) ? entry.format : DocumentFormat.PDF;
		switch (format) {
			case PDF -> extractPdf(importId, entry);
			case DOCX -> {
				try (InputStream in = Files.newInputStream(entry.file)) {
					entry.parts = new DocxReader().read(in);
				}
			}
			case ODT, FLAT_ODT -> {
				try (InputStream in = Files.newInputStream(entry.file)) {
					entry.parts = new OdtReader().read(in);
				}
			}
			case MARKDOWN -> entry.parts = new MarkdownReader().read(utf8(entry.file));
			case GOOGLE_DOCS_HTML -> entry.parts = new GoogleDocsHtmlReader().read(utf8(entry.file));
		}
		if (format != DocumentFormat.PDF) {
			this.progress.report(importId, ImportStage.EXTRACTING, 75, MESSAGE, null);
		}
		return RepeatStatus.FINISHED;
	}

	private void extractPdf(UUID importId, ImportWorkspace.Entry entry) {
		long[] lastReport = { System.nanoTime() };
		entry.document = new PdfTextExtractor(this.settings.maxPages(), this.settings.readTimeLimit())
			.extract(entry.file, (page, pages) -> {
				long now = System.nanoTime();
				if (page == pages || now - lastReport[0] >= REPORT_EVERY_NANOS) {
					lastReport[0] = now;
					this.progress.report(importId, ImportStage.EXTRACTING, 5 + (75 * page) / pages,
							MESSAGE + " (page " + page + " of " + pages + ")", pages);
				}
			});
	}

	/**
	 * Text formats must be UTF-8: guessing another encoding would garble the draft
	 * silently.
	 */
	static String utf8(Path file) throws IOException {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(Files.readAllBytes(file)))
				.toString()
				.replace("\uFEFF", "");
		}
		catch (CharacterCodingException ex) {
			throw new DocumentRejected(
					new ImportProblem("NOT_UTF8", "Text not readable",
							"This text file is not encoded as UTF-8. Please save it as UTF-8 and upload it again."),
					ex);
		}
	}

}

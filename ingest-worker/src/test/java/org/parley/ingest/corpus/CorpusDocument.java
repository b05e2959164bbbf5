package org.parley.ingest.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.parley.domain.imports.DocumentFormat;
import org.parley.ingest.ExpectedOutline;
import org.parley.ingest.ExpectedTable;

/**
 * One document of the structure corpus and the outline a careful reader would make of it.
 *
 * @param id the corpus directory's name, or {@code samples/<sample>/<file>} for a shared
 * sample
 * @param file the document itself
 * @param expectedOutline its hand-checked {@code expected-outline.json}
 * @param gated whether the CI gate holds it to its baseline: committed documents are,
 * reference-only ones fetched by {@code fetch-reference-only.sh} are not
 */
record CorpusDocument(String id, Path file, Path expectedOutline, boolean gated) {

	private static final String ODT = "application/vnd.oasis.opendocument.text";

	/**
	 * The format the web would record for this file, or empty when this build has no
	 * reader for it (an ODT before ODT import exists): such a document scores zero until
	 * it does.
	 */
	Optional<DocumentFormat> format() {
		String name = this.file.getFileName().toString().toLowerCase(Locale.ROOT);
		String extension = name.substring(name.lastIndexOf('.') + 1);
		return switch (extension) {
			case "pdf" -> Optional.of(DocumentFormat.PDF);
			case "docx" -> Optional.of(DocumentFormat.DOCX);
			case "md" -> Optional.of(DocumentFormat.MARKDOWN);
			case "html" -> Optional.of(DocumentFormat.GOOGLE_DOCS_HTML);
			case "odt" -> DocumentFormat.ofMediaType(ODT);
			default -> Optional.empty();
		};
	}

	/**
	 * The tables of the expected outline that record their cells (issue 14); documents
	 * whose tables carry text only, and documents without tables, have none.
	 */
	List<ExpectedTable> expectedTables() {
		return ExpectedOutline.tables(this.expectedOutline);
	}

	String extension() {
		String name = this.file.getFileName().toString();
		return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
	}

}

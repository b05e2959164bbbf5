package org.parley.ingest.structure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.domain.outline.Outline;
import org.parley.ingest.ExpectedOutline;
import org.parley.ingest.docx.DocxReader;
import org.parley.ingest.gdocs.GoogleDocsHtmlReader;
import org.parley.ingest.markdown.MarkdownReader;
import org.parley.ingest.odt.OdtReader;

import static org.parley.ingest.OutlineAssert.assertSameOutline;

class MarkupOutlineTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	@ParameterizedTest(name = "{0}/{1}")
	@CsvSource({ "ogp-draft-strategy, doc.docx", "ogp-draft-strategy, doc.md", "ogp-draft-strategy, gdocs-export.html",
			"ogp-draft-strategy, doc.odt", "ogp-draft-strategy, doc.fodt", "ogp-draft-strategy, doc-numbered.odt",
			"ogp-draft-strategy, doc-numbered.docx", "large-131p, doc.docx" })
	void structuresSampleExactlyAsExpected(String sample, String file) throws IOException {
		Path path = SAMPLES.resolve(sample).resolve(file);
		List<DocumentPart> parts;
		if (file.endsWith(".docx")) {
			try (InputStream in = Files.newInputStream(path)) {
				parts = new DocxReader().read(in);
			}
		}
		else if (file.endsWith(".odt") || file.endsWith(".fodt")) {
			try (InputStream in = Files.newInputStream(path)) {
				parts = new OdtReader().read(in);
			}
		}
		else if (file.endsWith(".md")) {
			parts = new MarkdownReader().read(Files.readString(path, StandardCharsets.UTF_8));
		}
		else {
			parts = new GoogleDocsHtmlReader().read(Files.readString(path, StandardCharsets.UTF_8));
		}
		Outline outline = new MarkupStructurer().structure(parts);
		assertSameOutline(outline, ExpectedOutline.of(sample));
	}

}

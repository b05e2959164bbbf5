package org.parley.standalone.production;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.ingest.pdf.PageProgress;
import org.parley.ingest.pdf.PdfTextExtractor;
import org.parley.ingest.structure.DocumentStructurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated draft has the pages it was asked for, and the structurer reads its
 * outline back exactly.
 */
class NumberedDraftTests {

	@Test
	void structuresBackToTheOutlineItWasMadeFrom(@TempDir Path directory) throws IOException {
		Draft draft = NumberedDraft.of(12, 7);
		Path pdf = Files.write(directory.resolve(draft.fileName()), draft.pdf());
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			assertThat(document.getNumberOfPages()).isEqualTo(12);
		}

		Outline outline = new DocumentStructurer()
			.structure(new PdfTextExtractor(2000).extract(pdf, PageProgress.NONE));

		assertThat(outline.title()).isEqualTo(draft.title());
		assertThat(outline.sections()).extracting(s -> s.label() + " " + s.heading() + " @" + s.level())
			.containsExactlyElementsOf(
					draft.sections().stream().map(s -> s.label() + " " + s.heading() + " @" + s.level()).toList());
		for (int i = 0; i < draft.sections().size(); i++) {
			OutlineSection actual = outline.sections().get(i);
			assertThat(actual.blocks()).as("paragraphs of %s", actual.label())
				.extracting(b -> b.kind() + ": " + b.text())
				.containsExactlyElementsOf(draft.sections().get(i).paragraphs());
		}
		assertThat(draft.sections()).hasSizeGreaterThan(12 * 2);
	}

}

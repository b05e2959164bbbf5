package org.parley.ingest.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ingest.pdf.PageProgress;
import org.parley.ingest.pdf.PdfTextExtractor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the reading budgets cost: Parley's extraction of the 131-page sample side by side
 * with PDFBox's plain text extraction, warm, in the same run. Compare the ratio with the
 * same benchmark on a commit before the budgets.
 */
@Tag("benchmark")
class ExtractionBudgetBenchmarkTests {

	private static final int WARM_UP = 5;

	private static final int MEASURED = 11;

	@TempDir
	Path directory;

	@Test
	void extractionOf131PagesAgainstRawPdfBox() throws IOException {
		Path pdf = this.directory.resolve("doc.pdf");
		Files.write(pdf, HostileDocuments.sample("large-131p/doc.pdf"));
		PdfTextExtractor extractor = new PdfTextExtractor(2000);
		long[] raw = new long[MEASURED];
		long[] ours = new long[MEASURED];
		for (int i = 0; i < WARM_UP + MEASURED; i++) {
			long start = System.nanoTime();
			try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
				assertThat(new PDFTextStripper().getText(document)).isNotBlank();
			}
			long middle = System.nanoTime();
			assertThat(extractor.extract(pdf, PageProgress.NONE).pages()).hasSize(131);
			long end = System.nanoTime();
			if (i >= WARM_UP) {
				raw[i - WARM_UP] = middle - start;
				ours[i - WARM_UP] = end - middle;
			}
		}
		Arrays.sort(raw);
		Arrays.sort(ours);
		long rawMedian = raw[MEASURED / 2];
		long oursMedian = ours[MEASURED / 2];
		System.out.printf("%nBENCHMARK 131-page sample, %d warm runs each (median, ms)%n", MEASURED);
		System.out.printf("  raw PDFBox PDFTextStripper.getText : %d%n", rawMedian / 1_000_000);
		System.out.printf("  PdfTextExtractor.extract           : %d%n", oursMedian / 1_000_000);
		System.out.printf("  ratio                              : %.2f×%n", (double) oursMedian / rawMedian);
	}

}

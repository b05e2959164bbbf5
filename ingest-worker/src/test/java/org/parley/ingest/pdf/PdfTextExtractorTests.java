package org.parley.ingest.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.domain.imports.DocumentRejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class PdfTextExtractorTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples/ogp-draft-strategy");

	@TempDir
	Path directory;

	private final PdfTextExtractor extractor = new PdfTextExtractor(10);

	@Test
	void readsLinesWithPositionSizeAndWeight() throws IOException {
		Path pdf = textPdf(1);

		ExtractedDocument document = this.extractor.extract(pdf, PageProgress.NONE);

		List<TextLine> lines = document.pages().get(0).lines();
		assertThat(lines).extracting(TextLine::text).containsExactly("Heading on page 1", "Body text of page 1.");
		assertThat(lines.get(0).fontSize()).isEqualTo(18f);
		assertThat(lines.get(0).bold()).isTrue();
		assertThat(lines.get(1).fontSize()).isEqualTo(11f);
		assertThat(lines.get(1).bold()).isFalse();
		assertThat(lines.get(0).baseline()).isLessThan(lines.get(1).baseline());
		assertThat(lines.get(1).x()).isCloseTo(72f, within(0.5f));
	}

	@Test
	void reportsProgressAfterEveryPage() throws IOException {
		List<String> progress = new ArrayList<>();

		this.extractor.extract(textPdf(3), (page, pages) -> progress.add(page + "/" + pages));

		assertThat(progress).containsExactly("1/3", "2/3", "3/3");
	}

	@Test
	void readsBookmarksAndDocumentTitle() {
		ExtractedDocument document = this.extractor.extract(SAMPLES.resolve("doc-office.pdf"), PageProgress.NONE);

		assertThat(document.infoTitle()).isEqualTo("Draft OGP Strategy 2023 – 2028");
		assertThat(document.tagged()).isFalse();
		assertThat(document.bookmarks()).first()
			.isEqualTo(new ExtractedDocument.Bookmark("Draft OGP Strategy 2023 – 2028", 1, 1));
	}

	@Test
	void readsStructureTagsOfTaggedPdf() {
		ExtractedDocument document = this.extractor.extract(SAMPLES.resolve("doc-chromium.pdf"), PageProgress.NONE);

		assertThat(document.tagged()).isTrue();
		assertThat(document.pages().get(0).lines().get(0).firstTag().role()).isEqualTo("H1");
	}

	@Test
	void rejectsZipFileNamedLikeAPdf() throws IOException {
		Path zip = this.directory.resolve("strategy.pdf");
		Files.write(zip, new byte[] { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 });

		assertRejected(zip, NotAPdf.class, "NOT_A_PDF");
	}

	@Test
	void rejectsPngNamedLikeAPdf() throws IOException {
		Path png = this.directory.resolve("scan.pdf");
		Files.write(png, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 });

		assertRejected(png, NotAPdf.class, "NOT_A_PDF");
	}

	@Test
	void rejectsPasswordProtectedPdf() throws IOException {
		Path pdf = this.directory.resolve("protected.pdf");
		try (PDDocument document = textDocument(1)) {
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			document.save(pdf.toFile());
		}

		assertRejected(pdf, PdfEncrypted.class, "PDF_ENCRYPTED");
	}

	@Test
	void acceptsPdfThatOpensWithoutPasswordButForbidsCopying() throws IOException {
		Path pdf = this.directory.resolve("restricted.pdf");
		try (PDDocument document = textDocument(1)) {
			AccessPermission permissions = new AccessPermission();
			permissions.setCanExtractContent(false);
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "", permissions);
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			document.save(pdf.toFile());
		}

		ExtractedDocument document = this.extractor.extract(pdf, PageProgress.NONE);

		assertThat(document.pages().get(0).lines()).extracting(TextLine::text).contains("Body text of page 1.");
	}

	@Test
	void rejectsTruncatedPdf() throws IOException {
		byte[] sample = Files.readAllBytes(SAMPLES.resolve("doc-office.pdf"));
		Path truncated = this.directory.resolve("truncated.pdf");
		Files.write(truncated, Arrays.copyOf(sample, sample.length / 3));

		assertRejected(truncated, PdfUnreadable.class, "PDF_UNREADABLE");
	}

	@Test
	void rejectsScanWithoutText() throws IOException {
		Path pdf = this.directory.resolve("scan.pdf");
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
			PDImageXObject scan = LosslessFactory.createFromImage(document, image);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(scan, 50, 50, 400, 400);
			}
			document.addPage(new PDPage());
			document.save(pdf.toFile());
		}

		assertRejected(pdf, NoTextLayer.class, "NO_TEXT_LAYER");
	}

	@Test
	void rejectsMorePagesThanTheLimitBeforeReadingThem() throws IOException {
		Path pdf = textPdf(3);
		List<Integer> progress = new ArrayList<>();

		assertThatExceptionOfType(TooManyPages.class)
			.isThrownBy(() -> new PdfTextExtractor(2).extract(pdf, (page, pages) -> progress.add(page)))
			.satisfies((rejected) -> assertThat(rejected.problem().code()).isEqualTo("TOO_MANY_PAGES"));
		assertThat(progress).isEmpty();
	}

	private void assertRejected(Path pdf, Class<? extends DocumentRejected> type, String code) {
		assertThatExceptionOfType(type).isThrownBy(() -> this.extractor.extract(pdf, PageProgress.NONE))
			.satisfies((rejected) -> {
				assertThat(rejected.problem().code()).isEqualTo(code);
				assertThat(rejected.problem().detail()).endsWith(".").doesNotContain("Exception");
			});
	}

	private Path textPdf(int pages) throws IOException {
		Path pdf = Files.createTempFile(this.directory, "text", ".pdf");
		try (PDDocument document = textDocument(pages)) {
			document.save(pdf.toFile());
		}
		return pdf;
	}

	private static PDDocument textDocument(int pages) throws IOException {
		PDDocument document = new PDDocument();
		for (int number = 1; number <= pages; number++) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(FontName.HELVETICA_BOLD), 18);
				content.newLineAtOffset(72, 700);
				content.showText("Heading on page " + number);
				content.setFont(new PDType1Font(FontName.HELVETICA), 11);
				content.newLineAtOffset(0, -30);
				content.showText("Body text of page " + number + ".");
				content.endText();
			}
		}
		return document;
	}

}

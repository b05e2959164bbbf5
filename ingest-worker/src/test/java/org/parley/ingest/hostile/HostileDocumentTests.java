package org.parley.ingest.hostile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.domain.imports.DocumentRejected;
import org.parley.ingest.docx.DocxReader;
import org.parley.ingest.gdocs.GoogleDocsHtmlReader;
import org.parley.ingest.markdown.MarkdownReader;
import org.parley.ingest.pdf.ExtractedDocument;
import org.parley.ingest.pdf.PageProgress;
import org.parley.ingest.pdf.PdfTextExtractor;
import org.parley.ingest.structure.DocumentPart;
import org.parley.ingest.structure.DocumentStructurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The hostile corpus at the reader level: each file gets its specific problem code, or is
 * read if a reader can make sense of it, and nothing else escapes.
 */
class HostileDocumentTests {

	private static final long BOMB = 80L * 1024 * 1024;

	@TempDir
	Path directory;

	private final PdfTextExtractor extractor = new PdfTextExtractor(2000, Duration.ofSeconds(30));

	static Stream<Rejection> rejectedPdfs() {
		return Stream.of(new Rejection("truncated to 1%", () -> HostileDocuments.truncated(0.01), "PDF_UNREADABLE"),
				new Rejection("truncated to a third", () -> HostileDocuments.truncated(0.33), "PDF_UNREADABLE"),
				new Rejection("truncated to two thirds", () -> HostileDocuments.truncated(0.66), "PDF_UNREADABLE"),
				new Rejection("header only", HostileDocuments::headerOnly, "PDF_UNREADABLE"),
				new Rejection("header then random bytes", HostileDocuments::headerThenGarbage, "PDF_UNREADABLE"),
				new Rejection("every stream inverted", HostileDocuments::corruptedStreams, "NO_TEXT_LAYER"),
				new Rejection("user password", HostileDocuments::userPasswordEncrypted, "PDF_ENCRYPTED"),
				new Rejection("unknown security handler", HostileDocuments::unknownEncryption, "PDF_UNREADABLE"),
				new Rejection("10,000 pages", () -> HostileDocuments.pages(10_000), "TOO_MANY_PAGES"),
				new Rejection("page count of a billion", HostileDocuments::lyingPageCount, "TOO_MANY_PAGES"),
				new Rejection("arrays nested 100,000 deep", () -> HostileDocuments.deeplyNestedArrays(100_000),
						"PDF_UNREADABLE"),
				new Rejection("dictionaries nested 100,000 deep",
						() -> HostileDocuments.deeplyNestedDictionaries(100_000), "PDF_UNREADABLE"),
				new Rejection("stream length is itself", HostileDocuments::selfReferencingLength, "NO_TEXT_LAYER"),
				new Rejection("content stream inflating to 80 MB", () -> HostileDocuments.flateBomb(BOMB),
						"PDF_TOO_COMPLEX"),
				new Rejection("font program inflating to 80 MB", () -> HostileDocuments.fontBomb(BOMB),
						"PDF_TOO_COMPLEX"),
				new Rejection("ToUnicode map inflating to 80 MB", () -> HostileDocuments.toUnicodeBomb(BOMB),
						"PDF_TOO_COMPLEX"),
				new Rejection("bookmarks nested 100,000 deep", () -> HostileDocuments.longReferenceChain(100_000),
						"PDF_TOO_COMPLEX"),
				new Rejection("one 16 MB content stream a thousand times on a page",
						() -> HostileDocuments.repeatedContentStream(16L << 20, 1000), "PDF_TOO_COMPLEX"),
				new Rejection("empty file", HostileDocuments::empty, "NOT_A_PDF"),
				new Rejection("ZIP (a Word document) named .pdf", HostileDocuments::zipRenamedPdf, "NOT_A_PDF"),
				new Rejection("PNG named .pdf", HostileDocuments::png, "NOT_A_PDF"));
	}

	static Stream<Rejection> readablePdfs() {
		return Stream.of(new Rejection("owner password only", HostileDocuments::ownerPasswordOnly, null),
				new Rejection("page tree that contains itself", HostileDocuments::pageTreeCycle, null),
				new Rejection("cross-reference /Prev to itself", HostileDocuments::xrefPrevCycle, null),
				new Rejection("form that draws itself", HostileDocuments::recursiveForm, null),
				new Rejection("image of a trillion pixels", HostileDocuments::hugeImage, null),
				new Rejection("page two billion points wide", HostileDocuments::absurdPageWidth, null),
				new Rejection("last 1% cut off", () -> HostileDocuments.truncated(0.99), null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejectedPdfs")
	void hostilePdfIsRejectedWithItsProblem(Rejection file) throws IOException {
		Path pdf = write(file.bytes().get());

		assertThatExceptionOfType(DocumentRejected.class)
			.isThrownBy(() -> this.extractor.extract(pdf, PageProgress.NONE))
			.satisfies(rejected -> assertThat(rejected.problem().code()).isEqualTo(file.code()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readablePdfs")
	void damagedButReadablePdfIsReadAndStructured(Rejection file) throws IOException {
		Path pdf = write(file.bytes().get());

		ExtractedDocument document = this.extractor.extract(pdf, PageProgress.NONE);

		assertThat(document.pages()).isNotEmpty();
		assertThat(document.pages().get(0).lines()).isNotEmpty();
		assertThat(new DocumentStructurer().structure(document)).isNotNull();
	}

	@Test
	void pdfThatTakesLongerThanTheTimeLimitIsRejectedAsTooComplex() throws IOException {
		Path pdf = write(HostileDocuments.operatorFlood(4L << 20, 1000));
		PdfTextExtractor impatient = new PdfTextExtractor(2000, Duration.ofSeconds(1));
		long start = System.nanoTime();

		assertThatExceptionOfType(DocumentRejected.class).isThrownBy(() -> impatient.extract(pdf, PageProgress.NONE))
			.satisfies(rejected -> assertThat(rejected.problem().code()).isEqualTo("PDF_TOO_COMPLEX"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
	}

	static Stream<Rejection> rejectedDocx() {
		return Stream.of(
				new Rejection("external entity to /etc/passwd",
						() -> HostileDocuments.docxWithExternalEntity("file:///etc/passwd"), "DOCX_UNREADABLE"),
				new Rejection("billion laughs", HostileDocuments::docxBillionLaughs, "DOCX_UNREADABLE"),
				new Rejection("document.xml inflating to 80 MB", () -> HostileDocuments.docxZipBomb(BOMB),
						"DOCX_TOO_LARGE"),
				new Rejection("ZIP of something else", HostileDocuments::zipThatIsNotADocx, "DOCX_UNREADABLE"),
				new Rejection("truncated", HostileDocuments::truncatedDocx, "DOCX_UNREADABLE"),
				new Rejection("a PDF named .docx", () -> HostileDocuments.sample(HostileDocuments.SAMPLE_PDF),
						"DOCX_UNREADABLE"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejectedDocx")
	void hostileDocxIsRejectedWithItsProblem(Rejection file) {
		byte[] docx = file.bytes().get();

		assertThatExceptionOfType(DocumentRejected.class)
			.isThrownBy(() -> new DocxReader().read(new ByteArrayInputStream(docx)))
			.satisfies(rejected -> assertThat(rejected.problem().code()).isEqualTo(file.code()));
	}

	@Test
	void externalEntitiesAndDtdsNeverReachTheNetwork() throws IOException {
		try (MockWebServer server = new MockWebServer()) {
			server.start();
			String url = server.url("/entity").toString();
			for (byte[] docx : List.of(HostileDocuments.docxWithExternalEntity(url),
					HostileDocuments.docxWithExternalDtd(url))) {
				assertThatExceptionOfType(DocumentRejected.class)
					.isThrownBy(() -> new DocxReader().read(new ByteArrayInputStream(docx)))
					.satisfies(rejected -> assertThat(rejected.problem().code()).isEqualTo("DOCX_UNREADABLE"));
			}
			assertThat(server.getRequestCount()).isZero();
		}
	}

	@Test
	void externalEntityToALocalFileNeverShowsItsContent() {
		byte[] docx = HostileDocuments.docxWithExternalEntity("file:///etc/passwd");

		assertThatExceptionOfType(DocumentRejected.class)
			.isThrownBy(() -> new DocxReader().read(new ByteArrayInputStream(docx)))
			.satisfies(rejected -> assertThat(rejected.problem().detail()).doesNotContain("root:"));
	}

	@Test
	void deeplyNestedMarkdownAndHtmlAreReadWithoutOverflowingTheStack() {
		String quotes = "> ".repeat(100_000) + "A quoted draft paragraph.\n";
		String lists = "- ".repeat(50_000) + "An item.\n";
		String html = "<div>".repeat(100_000) + "<p>A paragraph deep inside.</p>" + "</div>".repeat(100_000);

		List<DocumentPart> markdown = new MarkdownReader().read(quotes + "\n" + lists);
		List<DocumentPart> fromHtml = new GoogleDocsHtmlReader().read(html);

		assertThat(markdown).isNotEmpty();
		assertThat(fromHtml).extracting(DocumentPart::text).containsExactly("A paragraph deep inside.");
	}

	private Path write(byte[] bytes) throws IOException {
		Path file = Files.createTempFile(this.directory, "hostile", ".bin");
		Files.write(file, bytes);
		return file;
	}

	record Rejection(String name, Supplier<byte[]> bytes, String code) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}

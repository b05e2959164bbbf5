package org.parley.ingest.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.domain.imports.DocumentFormat;
import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.ImportState;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.test.TestInfrastructure;
import org.parley.ingest.IngestWorkerApplication;
import org.parley.ingest.job.ImportRunner;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A representative part of the hostile corpus through the whole import job: each fails
 * with its problem, leaves no discussion and no working file, and the next good import
 * still succeeds.
 */
@SpringBootTest(classes = IngestWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.config.name=" + IngestWorkerApplication.CONFIG_NAME, "parley.import.max-pages=200",
				"parley.import.read-time-limit=10s" })
class HostileImportIntegrationTests {

	private static final String PDF = DocumentFormat.PDF.mediaType();

	private static final String DOCX = DocumentFormat.DOCX.mediaType();

	@TempDir
	static Path workDirectory;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
		registry.add("parley.import.work-directory", workDirectory::toString);
	}

	@Autowired
	ImportRunner runner;

	@Autowired
	DocumentImportRepository imports;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	JdbcClient jdbc;

	static Stream<Upload> hostileUploads() {
		return Stream.of(
				new Upload("password-protected PDF", PDF, HostileDocuments::userPasswordEncrypted, "PDF_ENCRYPTED"),
				new Upload("PDF cut to a third", PDF, () -> HostileDocuments.truncated(0.33), "PDF_UNREADABLE"),
				new Upload("ZIP named .pdf", PDF, HostileDocuments::zipRenamedPdf, "NOT_A_PDF"),
				new Upload("10,000 pages", PDF, () -> HostileDocuments.pages(10_000), "TOO_MANY_PAGES"),
				new Upload("arrays nested 100,000 deep", PDF, () -> HostileDocuments.deeplyNestedArrays(100_000),
						"PDF_UNREADABLE"),
				new Upload("bookmarks nested 100,000 deep", PDF, () -> HostileDocuments.longReferenceChain(100_000),
						"PDF_TOO_COMPLEX"),
				new Upload("font inflating to 80 MB", PDF, () -> HostileDocuments.fontBomb(80L << 20),
						"PDF_TOO_COMPLEX"),
				new Upload("drawing operators past the time limit", PDF,
						() -> HostileDocuments.operatorFlood(4L << 20, 1000), "PDF_TOO_COMPLEX"),
				new Upload("DOCX with an external entity", DOCX,
						() -> HostileDocuments.docxWithExternalEntity("file:///etc/passwd"), "DOCX_UNREADABLE"),
				new Upload("DOCX inflating to 80 MB", DOCX, () -> HostileDocuments.docxZipBomb(80L << 20),
						"DOCX_TOO_LARGE"),
				new Upload("Markdown with 100,000 headings in 1.9 MB", DocumentFormat.MARKDOWN.mediaType(),
						() -> headings(100_000), "OUTLINE_TOO_LARGE"));
	}

	private static byte[] headings(int count) {
		StringBuilder markdown = new StringBuilder("# Title\n\n");
		for (int i = 0; i < count; i++) {
			markdown.append("## H").append(i).append("\n\nx\n\n");
		}
		return markdown.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileUploads")
	void hostileUploadFailsWithItsProblemAndTheNextImportSucceeds(Upload upload) throws IOException {
		UUID hostile = upload(upload.mediaType(), upload.bytes().get());

		this.runner.run(hostile, false);

		DocumentImport failed = this.imports.findById(hostile).orElseThrow();
		assertThat(failed.state()).isEqualTo(ImportState.FAILED);
		assertThat(failed.problem().code()).isEqualTo(upload.code());
		assertThat(failed.problem().detail()).doesNotContain("Exception").doesNotContain("root:");
		assertThat(discussionsOf(hostile)).isZero();
		try (Stream<Path> left = Files.list(workDirectory)) {
			assertThat(left).as("working files left behind").isEmpty();
		}

		UUID good = upload(PDF, HostileDocuments.sample(HostileDocuments.SAMPLE_PDF));
		this.runner.run(good, false);

		DocumentImport succeeded = this.imports.findById(good).orElseThrow();
		assertThat(succeeded.state()).as("problem: %s", succeeded.problem()).isEqualTo(ImportState.SUCCEEDED);
		assertThat(discussionsOf(good)).isEqualTo(1);
	}

	private UUID upload(String mediaType, byte[] content) {
		UUID organiser = UUID.randomUUID();
		this.organisers.add(new Organiser(organiser, organiser + "@parley.test", "{noop}x", "O", OffsetDateTime.now()));
		DocumentImport i = DocumentImport.uploaded(organiser, "hostile", mediaType, null, OffsetDateTime.now());
		this.imports.add(i, content);
		return i.id();
	}

	private long discussionsOf(UUID importId) {
		return this.jdbc.sql("select count(*) from discussion where import_id = :id")
			.param("id", importId)
			.query(Long.class)
			.single();
	}

	record Upload(String name, String mediaType, Supplier<byte[]> bytes, String code) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}

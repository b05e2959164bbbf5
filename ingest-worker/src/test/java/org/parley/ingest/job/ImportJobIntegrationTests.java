package org.parley.ingest.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.Section;
import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.ImportState;
import org.parley.domain.messaging.ImportRequested;
import org.parley.domain.messaging.Topology;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.test.TestInfrastructure;
import org.parley.ingest.ExpectedOutline;
import org.parley.ingest.IngestWorkerApplication;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = IngestWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.config.name=" + IngestWorkerApplication.CONFIG_NAME, "parley.import.max-pages=200" })
class ImportJobIntegrationTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	ImportRunner runner;

	@Autowired
	DocumentImportRepository imports;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@CsvSource({ "ogp-draft-strategy/doc-office.pdf, ogp-draft-strategy",
			"ogp-draft-strategy/doc-chromium.pdf, ogp-draft-strategy", "large-131p/doc.pdf, large-131p" })
	void importsASampleIntoADraftDiscussionWithItsExactOutline(String file, String sample) throws IOException {
		UUID importId = upload(file, sample(file));

		this.runner.run(importId, false);

		DocumentImport done = this.imports.findById(importId).orElseThrow();
		assertThat(done.state()).as("problem: %s", done.problem()).isEqualTo(ImportState.SUCCEEDED);
		assertThat(done.percent()).isEqualTo(100);
		Outline expected = ExpectedOutline.of(sample);
		assertThat(this.discussions.findById(done.discussionId()).orElseThrow().title()).isEqualTo(expected.title());
		List<Section> sections = this.discussions.findSections(done.discussionId());
		assertThat(sections).hasSize(expected.sections().size());
		for (int i = 0; i < sections.size(); i++) {
			Section actual = sections.get(i);
			OutlineSection wanted = expected.sections().get(i);
			assertThat(actual.number()).isEqualTo(i + 1);
			assertThat(actual.label()).as("label of section %d", i + 1).isEqualTo(wanted.label());
			assertThat(actual.heading()).as("heading of section %d", i + 1).isEqualTo(wanted.heading());
			assertThat(actual.level()).as("level of section %d", i + 1).isEqualTo(wanted.level());
			assertThat(actual.paragraphs()).as("paragraphs of section %d", i + 1)
				.extracting(p -> p.kind() + ": " + p.text())
				.containsExactlyElementsOf(wanted.blocks().stream().map(b -> b.kind() + ": " + b.text()).toList());
		}
		assertThat(this.imports.readContent(importId, InputStream::readAllBytes)).as("upload bytes dropped").isEmpty();
	}

	@Test
	void redeliveredRequestCreatesNoSecondDiscussion() throws IOException {
		UUID importId = upload("doc-office.pdf", sample("ogp-draft-strategy/doc-office.pdf"));
		UUID first = UUID.randomUUID();
		this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.IMPORT_REQUESTED,
				new ImportRequested(first, importId, OffsetDateTime.now()));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.imports.findById(importId).orElseThrow().state() == ImportState.SUCCEEDED);

		this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.IMPORT_REQUESTED,
				new ImportRequested(first, importId, OffsetDateTime.now()));
		this.runner.run(importId, true);

		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(discussionsOf(importId)).isEqualTo(1);
			assertThat(this.imports.findById(importId).orElseThrow().state()).isEqualTo(ImportState.SUCCEEDED);
		});
	}

	@Test
	void passwordProtectedPdfFailsWithPdfEncryptedAndLeavesNoDiscussion() throws IOException {
		try (PDDocument document = textDocument(1)) {
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			assertFailsWith(bytes(document), "PDF_ENCRYPTED");
		}
	}

	@Test
	void truncatedPdfFailsWithPdfUnreadable() throws IOException {
		byte[] whole = sample("ogp-draft-strategy/doc-office.pdf");
		byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 3);
		assertFailsWith(truncated, "PDF_UNREADABLE");
	}

	@Test
	void scanWithoutTextFailsWithNoTextLayer() throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (int i = 0; i < 3; i++) {
				PDPage page = new PDPage();
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.addRect(50, 50, 400, 600); // ink, but no text
					content.fill();
				}
			}
			assertFailsWith(bytes(document), "NO_TEXT_LAYER");
		}
	}

	@Test
	void documentOverThePageLimitFailsWithTooManyPages() throws IOException {
		try (PDDocument document = textDocument(201)) {
			assertFailsWith(bytes(document), "TOO_MANY_PAGES");
		}
	}

	@Test
	void bytesThatAreNotAPdfFailWithNotAPdf() {
		assertFailsWith("PK\u0003\u0004 not a pdf at all".getBytes(), "NOT_A_PDF");
	}

	private void assertFailsWith(byte[] content, String code) {
		UUID importId = upload("bad.pdf", content);

		this.runner.run(importId, false);

		DocumentImport failed = this.imports.findById(importId).orElseThrow();
		assertThat(failed.state()).isEqualTo(ImportState.FAILED);
		assertThat(failed.problem().code()).isEqualTo(code);
		assertThat(failed.problem().detail()).doesNotContain("Exception").isNotBlank();
		assertThat(failed.message()).isEqualTo(failed.problem().detail());
		assertThat(discussionsOf(importId)).isZero();
	}

	private UUID upload(String name, byte[] content) {
		UUID organiser = UUID.randomUUID();
		this.organisers.add(new Organiser(organiser, organiser + "@parley.test", "{noop}x", "O", OffsetDateTime.now()));
		DocumentImport i = DocumentImport.uploaded(organiser, name, "application/pdf", null, OffsetDateTime.now());
		this.imports.add(i, content);
		return i.id();
	}

	private long discussionsOf(UUID importId) {
		return this.jdbc.sql("select count(*) from discussion where import_id = :id")
			.param("id", importId)
			.query(Long.class)
			.single();
	}

	private static byte[] sample(String path) throws IOException {
		try (InputStream in = ImportJobIntegrationTests.class.getResourceAsStream("/samples/" + path)) {
			return in.readAllBytes();
		}
	}

	private static PDDocument textDocument(int pages) throws IOException {
		PDDocument document = new PDDocument();
		PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
		for (int i = 1; i <= pages; i++) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(font, 12);
				content.newLineAtOffset(72, 700);
				content.showText("Paragraph on page " + i + " of a long consultation draft.");
				content.endText();
			}
		}
		return document;
	}

	private static byte[] bytes(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}

}

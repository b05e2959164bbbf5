package org.parley.ingest.job;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.Section;
import com.google.api.services.drive.DriveScopes;
import org.parley.domain.drive.DriveAuthorization;
import org.parley.domain.drive.DriveAuthorizationRepository;
import org.parley.domain.drive.TokenCipher;
import org.parley.domain.imports.DocumentFormat;
import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.ImportState;
import org.parley.domain.imports.SourceKind;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.test.TestInfrastructure;
import org.parley.ingest.ExpectedOutline;
import org.parley.ingest.IngestWorkerApplication;
import org.parley.ingest.docx.LargeDraftDocx;
import org.parley.ingest.drive.FakeDrive;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One document in every format Parley reads, through the whole import job: uploads of
 * DOCX, Markdown, ODT, Flat ODT, the LibreOffice-numbered ODT and its Word export, and
 * four PDFs (Word's, Chromium's and LibreOffice's, with typed and with automatic
 * numbers), the Google Docs export and a stored ODT fetched from a fake Drive by the real
 * client. All give one identical outline, the sample's expected one.
 */
@SpringBootTest(classes = IngestWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.config.name=" + IngestWorkerApplication.CONFIG_NAME)
class CrossFormatImportIntegrationTests {

	private static final String SAMPLE = "ogp-draft-strategy";

	private static final FakeDrive drive = new FakeDrive();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
		registry.add("parley.drive.root-url", drive::rootUrl);
		registry.add("parley.drive.token-url", drive::tokenUrl);
		registry.add("parley.drive.api-key", () -> "test-api-key");
		registry.add("parley.drive.retry.initial-backoff", () -> "10ms");
		registry.add("parley.drive.oauth.client-id", () -> "parley-client");
		registry.add("parley.drive.oauth.client-secret", () -> "parley-secret");
		registry.add("parley.drive.token-encryption-key", () -> KEY);
	}

	private static final String KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

	@AfterAll
	static void stopDrive() {
		drive.close();
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
	JdbcClient jdbc;

	@Autowired
	DriveAuthorizationRepository authorizations;

	@Test
	void everyFormatOfOneDocumentGivesOneIdenticalOutline() throws IOException {
		drive.googleDoc("gdoc-ogp", "Draft OGP Strategy", Map.of("text/html", sample("gdocs-export.html")), Set.of());
		drive.storedFile("odt-ogp", "Draft OGP Strategy.odt", DocumentFormat.ODT.mediaType(), sample("doc.odt"));
		List<UUID> importIds = List.of(upload("doc.docx", DocumentFormat.DOCX),
				upload("doc.md", DocumentFormat.MARKDOWN), fromDrive("gdoc-ogp"),
				upload("doc-office.pdf", DocumentFormat.PDF), upload("doc-chromium.pdf", DocumentFormat.PDF),
				upload("doc.odt", DocumentFormat.ODT), upload("doc.fodt", DocumentFormat.FLAT_ODT),
				fromDrive("odt-ogp"), upload("doc-numbered.odt", DocumentFormat.ODT),
				upload("doc-numbered.docx", DocumentFormat.DOCX), upload("doc-libreoffice.pdf", DocumentFormat.PDF),
				upload("doc-numbered-libreoffice.pdf", DocumentFormat.PDF));

		List<List<String>> outlines = new ArrayList<>();
		for (UUID importId : importIds) {
			this.runner.run(importId, false);
			DocumentImport done = this.imports.findById(importId).orElseThrow();
			assertThat(done.state()).as("%s: %s", done.sourceName(), done.problem()).isEqualTo(ImportState.SUCCEEDED);
			assertThat(this.discussions.findById(done.discussionId()).orElseThrow().title())
				.isEqualTo(ExpectedOutline.of(SAMPLE).title());
			outlines.add(rows(this.discussions.findSections(done.discussionId())));
		}

		List<String> expected = expectedRows(ExpectedOutline.of(SAMPLE));
		for (int i = 0; i < outlines.size(); i++) {
			assertThat(outlines.get(i)).as("outline of import %d", i + 1).containsExactlyElementsOf(expected);
		}
		DocumentImport fromDrive = this.imports.findById(importIds.get(2)).orElseThrow();
		assertThat(fromDrive.sourceKind()).isEqualTo(SourceKind.DRIVE);
		assertThat(fromDrive.sourceName()).isEqualTo("Draft OGP Strategy");
		assertThat(fromDrive.mediaType()).isEqualTo("text/html");
		DocumentImport odtFromDrive = this.imports.findById(importIds.get(7)).orElseThrow();
		assertThat(odtFromDrive.mediaType()).isEqualTo(DocumentFormat.ODT.mediaType());
	}

	@Test
	void aTableKeepsItsCellsHeaderRowsAndCaptionThroughTheJobInEveryFormat() throws IOException {
		List<List<String>> targets = List.of(
				List.of("Sector", "Reduction against 1990", "Reduction against 1990", "Reduction against 1990"),
				List.of("Sector", "2030", "2040", "2050"), List.of("Transport", "40 %", "70 %", "net zero"),
				List.of("Buildings", "to be agreed", "to be agreed", "net zero"),
				List.of("Industry", "35 %", "60 %", "90 %"));
		for (String file : List.of("merged-cells.docx", "merged-cells.odt", "merged-cells.fodt")) {
			DocumentFormat format = file.endsWith(".docx") ? DocumentFormat.DOCX
					: file.endsWith(".fodt") ? DocumentFormat.FLAT_ODT : DocumentFormat.ODT;
			DocumentImport i = DocumentImport.uploaded(organiser(), file, format.mediaType(), null,
					OffsetDateTime.now());
			try (InputStream in = getClass().getResourceAsStream("/tables/" + file)) {
				this.imports.add(i, in.readAllBytes());
			}

			this.runner.run(i.id(), false);

			DocumentImport done = this.imports.findById(i.id()).orElseThrow();
			assertThat(done.state()).as("%s: %s", file, done.problem()).isEqualTo(ImportState.SUCCEEDED);
			org.parley.domain.discussion.Paragraph table = this.discussions.findSections(done.discussionId())
				.get(0)
				.paragraphs()
				.get(1);
			assertThat(table.kind()).as(file).isEqualTo(org.parley.domain.outline.BlockKind.TABLE);
			assertThat(table.cells()).as(file)
				.isEqualTo(new org.parley.domain.outline.TableCells(targets, 2, "Table 1: Emission targets by sector"));
		}
	}

	@Test
	void wordDraftOf434PagesImportsWithAll1001Sections() {
		LargeDraftDocx draft = LargeDraftDocx.make();
		DocumentImport i = DocumentImport.uploaded(organiser(), "draft-434p.docx", DocumentFormat.DOCX.mediaType(),
				null, OffsetDateTime.now());
		this.imports.add(i, draft.bytes());

		this.runner.run(i.id(), false);

		DocumentImport done = this.imports.findById(i.id()).orElseThrow();
		assertThat(done.state()).as("%s", done.problem()).isEqualTo(ImportState.SUCCEEDED);
		List<Section> sections = this.discussions.findSections(done.discussionId());
		assertThat(sections).hasSize(1001);
		assertThat(rows(sections)).containsExactlyElementsOf(expectedRows(draft.expectedOutline()));
	}

	@Test
	void brokenOpenDocumentTextFailsWithItsCode() {
		DocumentImport i = DocumentImport.uploaded(organiser(), "broken.odt", DocumentFormat.ODT.mediaType(), null,
				OffsetDateTime.now());
		this.imports.add(i, "PK\u0003\u0004 not really".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

		this.runner.run(i.id(), false);

		DocumentImport failed = this.imports.findById(i.id()).orElseThrow();
		assertThat(failed.state()).isEqualTo(ImportState.FAILED);
		assertThat(failed.problem().code()).isEqualTo("ODT_UNREADABLE");
	}

	@Test
	void organiserWhoConnectedGoogleDriveImportsWithTheirOwnRefreshedToken() throws IOException {
		UUID organiser = organiser();
		this.authorizations.save(new DriveAuthorization(organiser, "ada@example.org",
				TokenCipher.fromBase64Key(KEY).seal("ada-refresh-token", organiser), DriveScopes.DRIVE_READONLY,
				OffsetDateTime.now()));
		drive.googleDoc("ada-doc", "Draft OGP Strategy", Map.of("text/html", sample("gdocs-export.html")), Set.of())
			.grants("ada-refresh-token", "ya29.ada-access");
		DocumentImport i = DocumentImport.fromDrive(organiser, "ada-doc", null, OffsetDateTime.now());
		this.imports.add(i);
		int before = drive.requests().size();

		this.runner.run(i.id(), false);

		assertThat(this.imports.findById(i.id()).orElseThrow().state()).isEqualTo(ImportState.SUCCEEDED);
		List<mockwebserver3.RecordedRequest> calls = drive.requests().subList(before, drive.requests().size());
		assertThat(calls.get(0).getUrl().encodedPath()).isEqualTo("/token");
		assertThat(calls.get(0).getBody().utf8()).contains("refresh_token=ada-refresh-token")
			.contains("grant_type=refresh_token");
		assertThat(calls.subList(1, calls.size())).isNotEmpty().allSatisfy(r -> {
			assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer ya29.ada-access");
			assertThat(r.getUrl().queryParameter("key")).isNull();
		});
	}

	@Test
	void driveFailureLeavesNoDiscussion() {
		UUID importId = fromDrive("no-such-file");

		this.runner.run(importId, false);

		DocumentImport failed = this.imports.findById(importId).orElseThrow();
		assertThat(failed.state()).isEqualTo(ImportState.FAILED);
		assertThat(failed.problem().code()).isEqualTo("DRIVE_NOT_FOUND");
		assertThat(this.jdbc.sql("select count(*) from discussion where import_id = :id")
			.param("id", importId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void spreadsheetInDriveFailsWithUnsupportedFormatNamingIt() {
		drive.storedFile("sheet-1", "Budget", "application/vnd.google-apps.spreadsheet", new byte[0]);
		UUID importId = fromDrive("sheet-1");

		this.runner.run(importId, false);

		DocumentImport failed = this.imports.findById(importId).orElseThrow();
		assertThat(failed.problem().code()).isEqualTo("UNSUPPORTED_FORMAT");
		assertThat(failed.problem().detail()).contains("Google Sheets spreadsheet");
	}

	private static List<String> rows(List<Section> sections) {
		List<String> rows = new ArrayList<>();
		for (Section section : sections) {
			rows.add(section.level() + " " + section.label() + " | " + section.heading());
			section.paragraphs().forEach(p -> rows.add("  " + p.kind() + ": " + p.text()));
		}
		return rows;
	}

	private static List<String> expectedRows(Outline outline) {
		List<String> rows = new ArrayList<>();
		for (OutlineSection section : outline.sections()) {
			rows.add(section.level() + " " + section.label() + " | " + section.heading());
			section.blocks().forEach(b -> rows.add("  " + b.kind() + ": " + b.text()));
		}
		return rows;
	}

	private UUID upload(String file, DocumentFormat format) throws IOException {
		DocumentImport i = DocumentImport.uploaded(organiser(), file, format.mediaType(), null, OffsetDateTime.now());
		this.imports.add(i, sample(file));
		return i.id();
	}

	private UUID fromDrive(String fileId) {
		DocumentImport i = DocumentImport.fromDrive(organiser(), fileId, null, OffsetDateTime.now());
		this.imports.add(i);
		return i.id();
	}

	private UUID organiser() {
		UUID organiser = UUID.randomUUID();
		this.organisers.add(new Organiser(organiser, organiser + "@parley.test", "{noop}x", "O", OffsetDateTime.now()));
		return organiser;
	}

	private static byte[] sample(String file) throws IOException {
		try (InputStream in = CrossFormatImportIntegrationTests.class
			.getResourceAsStream("/samples/" + SAMPLE + "/" + file)) {
			return in.readAllBytes();
		}
	}

}

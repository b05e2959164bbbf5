package org.parley.web.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.SourceKind;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@WebIntegrationTest
@TestPropertySource(properties = "parley.drive.api-key=test-api-key")
class DriveAndFormatImportIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DocumentImportRepository imports;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	PasswordEncoder passwords;

	@BeforeEach
	void organiserExists() {
		TestOrganisers.ensureAdmin(this.organisers, this.passwords);
	}

	@ParameterizedTest
	@CsvSource({ "https://docs.google.com/document/d/1AbCdEfGhIjKlMnOp_qrs-TUV/edit?usp=sharing, ",
			"https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp_qrs-TUV/view, ",
			"https://drive.google.com/open?id=1AbCdEfGhIjKlMnOp_qrs-TUV, ", ", 1AbCdEfGhIjKlMnOp_qrs-TUV",
			"1AbCdEfGhIjKlMnOp_qrs-TUV, " })
	void driveLinkOrIdStartsAnImportOfThatFile(String driveUrl, String driveFileId) {
		String body = (driveUrl != null) ? "{\"driveUrl\": \"" + driveUrl + "\"}"
				: "{\"driveFileId\": \"" + driveFileId + "\", \"title\": \"Strategy\"}";

		MvcTestResult result = this.mvc.post()
			.uri("/api/imports")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.exchange();

		assertThat(result).hasStatus(202);
		assertThat(result).bodyJson().extractingPath("$.source.kind").isEqualTo("DRIVE");
		String id = result.getResponse().getHeader("Location").replace("/api/imports/", "");
		DocumentImport stored = this.imports.findById(UUID.fromString(id)).orElseThrow();
		assertThat(stored.sourceKind()).isEqualTo(SourceKind.DRIVE);
		assertThat(stored.driveFileId()).isEqualTo("1AbCdEfGhIjKlMnOp_qrs-TUV");
	}

	@Test
	void somethingElseThanADriveLinkIsRefused() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/imports")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"driveUrl\": \"https://example.org/document/d/1AbCdEfGhIjKlMnOp/edit\"}")
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.exchange();

		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("INVALID_DRIVE_LINK");
	}

	@Test
	void importPageOffersToPasteADriveLinkThatStartsTheImport() {
		assertThat(this.mvc.get().uri("/imports/new").with(httpBasic("admin@parley.test", "admin-secret")))
			.hasStatusOk()
			.bodyText()
			.contains("Or paste a Drive link")
			.contains("name=\"driveUrl\"")
			.doesNotContain("not set up");

		MvcTestResult posted = this.mvc.post()
			.uri("/imports/drive")
			.param("driveUrl", "https://docs.google.com/document/d/1AbCdEfGhIjKlMnOp_qrs-TUV/edit")
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.with(csrf())
			.exchange();

		assertThat(posted).hasStatus(302);
		assertThat(posted.getResponse().getRedirectedUrl()).startsWith("/imports/");
	}

	@Test
	void wordDocumentIsAcceptedByItsBytes() throws IOException {
		MvcTestResult result = upload("draft.docx", "application/octet-stream", docx());

		assertThat(result).hasStatus(202);
		assertThat(mediaTypeOf(result))
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	}

	@Test
	void openDocumentTextIsAcceptedByItsBytesPackagedOrFlat() throws IOException {
		byte[] odt = zip("mimetype", "application/vnd.oasis.opendocument.text");
		byte[] fodt = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document"
				+ " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" office:version=\"1.3\""
				+ " office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body/></office:document>")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(mediaTypeOf(upload("draft.odt", "application/octet-stream", odt)))
			.isEqualTo("application/vnd.oasis.opendocument.text");
		assertThat(mediaTypeOf(upload("draft.fodt", "application/octet-stream", fodt)))
			.isEqualTo("application/vnd.oasis.opendocument.text-flat-xml");
	}

	@Test
	void openDocumentSpreadsheetIsRefusedAsUnsupported() throws IOException {
		MvcTestResult result = upload("budget.ods", "application/octet-stream",
				zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet"));

		assertThat(result).hasStatus(415);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("UNSUPPORTED_FORMAT");
	}

	@Test
	void markdownIsAcceptedWhenNamedOrDeclaredSo() {
		byte[] markdown = "# Draft\n\n## 1. Scope\n\nText – with UTF-8.\n".getBytes(StandardCharsets.UTF_8);

		assertThat(mediaTypeOf(upload("draft.md", "application/octet-stream", markdown))).isEqualTo("text/markdown");
		assertThat(mediaTypeOf(upload("draft", "text/markdown", markdown))).isEqualTo("text/markdown");
	}

	@ParameterizedTest
	@CsvSource({ "picture.png, an image (PNG)", "sheet.zip, a ZIP archive", "notes.txt, plain text" })
	void otherFilesAreRefusedWithUnsupportedFormatNamingTheType(String name, String named) throws IOException {
		byte[] content = switch (name) {
			case "picture.png" -> new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 };
			case "sheet.zip" -> zip("xl/workbook.xml", "<workbook/>");
			default -> "just some notes".getBytes(StandardCharsets.UTF_8);
		};

		MvcTestResult result = upload(name, "application/octet-stream", content);

		assertThat(result).hasStatus(415);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("UNSUPPORTED_FORMAT");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(named);
	}

	private MvcTestResult upload(String name, String type, byte[] content) {
		return this.mvc.post()
			.uri("/api/imports")
			.multipart()
			.file(new MockMultipartFile("file", name, type, content))
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.exchange();
	}

	private String mediaTypeOf(MvcTestResult result) {
		String id = result.getResponse().getHeader("Location").replace("/api/imports/", "");
		return this.imports.findById(UUID.fromString(id)).orElseThrow().mediaType();
	}

	private static byte[] docx() throws IOException {
		return zip("[Content_Types].xml",
				"<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
	}

	private static byte[] zip(String entry, String content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(content.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

}

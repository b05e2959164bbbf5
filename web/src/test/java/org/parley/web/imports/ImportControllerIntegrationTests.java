package org.parley.web.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.ImportState;
import org.parley.domain.messaging.ImportRequested;
import org.parley.domain.messaging.Topology;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@WebIntegrationTest
class ImportControllerIntegrationTests {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DocumentImportRepository imports;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void organiserExists() {
		TestOrganisers.ensureAdmin(this.organisers, this.passwords);
	}

	@Test
	void acceptedUploadIsStoredQueuedAndAnnouncedToTheWorkers() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/imports")
			.multipart()
			.file(new MockMultipartFile("file", "strategy.pdf", "application/pdf", PDF))
			.param("title", "Draft strategy")
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.exchange();

		assertThat(result).hasStatus(202);
		assertThat(result).headers()
			.hasHeaderSatisfying("Location", v -> assertThat(v).singleElement().asString().startsWith("/api/imports/"));
		assertThat(result).bodyJson().extractingPath("$.state").isEqualTo("QUEUED");
		assertThat(result).bodyJson().extractingPath("$.source.kind").isEqualTo("UPLOAD");
		assertThat(result).bodyJson().extractingPath("$.source.name").isEqualTo("strategy.pdf");
		UUID id = UUID.fromString(result.getResponse().getHeader("Location").substring("/api/imports/".length()));
		assertThat(this.imports.findById(id)).get().extracting(i -> i.state()).isEqualTo(ImportState.QUEUED);
		assertThat(this.imports.readContent(id, in -> in.readAllBytes())).contains(PDF);

		ImportRequested announced = awaitRequestFor(id);
		assertThat(announced.importId()).isEqualTo(id);

		assertThat(this.mvc.get().uri("/api/imports/{id}", id).with(httpBasic("admin@parley.test", "admin-secret")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.message")
			.isEqualTo("Parley is submitting your document…");
	}

	@Test
	void fileThatIsNotAPdfIsRefusedByItsBytesWhateverItsName() {
		long before = importCount();
		byte[] zip = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 };

		MvcTestResult result = this.mvc.post()
			.uri("/api/imports")
			.multipart()
			.file(new MockMultipartFile("file", "looks-like.pdf", "application/pdf", zip))
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.exchange();

		assertThat(result).hasStatus(415);
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("NOT_A_PDF");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("not a PDF");
		assertThat(importCount()).isEqualTo(before);
	}

	@Test
	void driveImportWithoutDriveAccessConfiguredIsRefusedPlainly() {
		long before = importCount();

		MvcTestResult result = this.mvc.post()
			.uri("/api/imports")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"driveUrl\": \"https://docs.google.com/document/d/1AbCdEfGhIjKlMnOp/edit\"}")
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.exchange();

		assertThat(result).hasStatus(503);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("DRIVE_NOT_CONFIGURED");
		assertThat(importCount()).isEqualTo(before);
	}

	@Test
	void fileOverTheLimitIsRefusedBeforeAnythingIsStored() {
		long before = importCount();
		byte[] large = new byte[3 * 1024 * 1024];
		System.arraycopy(PDF, 0, large, 0, PDF.length);

		MvcTestResult result = this.mvc.post()
			.uri("/api/imports")
			.multipart()
			.file(new MockMultipartFile("file", "huge.pdf", "application/pdf", large))
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.exchange();

		assertThat(result).hasStatus(413);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("FILE_TOO_LARGE");
		assertThat(importCount()).isEqualTo(before);
	}

	@Test
	void anonymousCallersCannotImport() {
		assertThat(this.mvc.post()
			.uri("/api/imports")
			.multipart()
			.file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
			.with(csrf())).hasStatus(401);
	}

	@Test
	void anotherOrganiserCannotSeeTheImport() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/imports")
			.multipart()
			.file(new MockMultipartFile("file", "mine.pdf", "application/pdf", PDF))
			.with(httpBasic("admin@parley.test", "admin-secret"))
			.exchange();
		String location = result.getResponse().getHeader("Location");
		String other = "other-" + UUID.randomUUID() + "@parley.test";
		this.organisers.add(new Organiser(UUID.randomUUID(), other, this.passwords.encode("pw-other"), "Other",
				OffsetDateTime.now()));

		assertThat(this.mvc.get().uri(location).with(httpBasic(other, "pw-other"))).hasStatus(404)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("NOT_FOUND");
	}

	private long importCount() {
		return this.jdbc.sql("select count(*) from document_import").query(Long.class).single();
	}

	/** Takes messages off the queue until the one for this import arrives. */
	private ImportRequested awaitRequestFor(UUID importId) {
		JsonMapper json = JsonMapper.builder().build();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			Message message = this.rabbit.receive(Topology.IMPORT_REQUESTED, 1000);
			if (message != null) {
				ImportRequested request = json.readValue(message.getBody(), ImportRequested.class);
				if (request.importId().equals(importId)) {
					assertThat(message.getMessageProperties().getMessageId()).isEqualTo(request.messageId().toString());
					return request;
				}
			}
		}
		throw new AssertionError("ImportRequested for " + importId + " never reached the queue");
	}

}

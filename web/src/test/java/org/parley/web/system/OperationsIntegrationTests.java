package org.parley.web.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * What an operator sees of the web: the depth of the work queues it fills, on its
 * Prometheus scrape, and the health of its database and broker. No worker runs in this
 * JVM's web tests, so an accepted upload stays in its queue.
 */
@WebIntegrationTest
class OperationsIntegrationTests {

	private static final String IMPORT_QUEUE = "parley_queue_depth{queue=\"parley.import.requested\"}";

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("parley.messaging.queue-depth-interval", () -> "200ms");
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void acceptedUploadShowsInTheImportQueueDepth() {
		TestOrganisers.ensureAdmin(this.organisers, this.passwords);
		await().atMost(Duration.ofSeconds(5)).until(() -> scrape().contains(IMPORT_QUEUE + " "));
		double before = value(scrape(), IMPORT_QUEUE);

		assertThat(this.mvc.post()
			.uri("/api/imports")
			.multipart()
			.file(new MockMultipartFile("file", "strategy.pdf", "application/pdf", PDF))
			.with(httpBasic("admin@parley.test", "admin-secret"))).hasStatus(202);

		await().atMost(Duration.ofSeconds(10)).until(() -> value(scrape(), IMPORT_QUEUE) >= before + 1);
		String scrape = scrape();
		for (String queue : org.parley.domain.messaging.Topology.WORK_QUEUES) {
			assertThat(scrape).contains("parley_queue_depth{queue=\"" + queue + "\"}")
				.contains("parley_dead_letter_depth{queue=\"" + queue + "\"}");
		}
	}

	@Test
	void healthShowsTheDatabaseAndTheBrokerToAnyone() {
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.components.db.status")
			.isEqualTo("UP");
		assertThat(this.mvc.get().uri("/actuator/health")).bodyJson()
			.extractingPath("$.components.rabbit.status")
			.isEqualTo("UP");
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
	}

	private String scrape() {
		var result = this.mvc.get()
			.uri("/actuator/prometheus")
			.with(httpBasic(TestOrganisers.ADMIN, TestOrganisers.ADMIN_PASSWORD))
			.exchange();
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private static double value(String scrape, String series) {
		for (String line : scrape.split("\n")) {
			if (line.startsWith(series + " ")) {
				return Double.parseDouble(line.substring(series.length() + 1));
			}
		}
		return Double.NaN;
	}

}

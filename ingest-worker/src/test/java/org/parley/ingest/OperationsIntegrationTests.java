package org.parley.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.domain.imports.DocumentImport;
import org.parley.domain.imports.DocumentImportRepository;
import org.parley.domain.imports.ImportState;
import org.parley.domain.messaging.ImportRequested;
import org.parley.domain.messaging.Topology;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.test.Scrape;
import org.parley.domain.test.TestInfrastructure;
import org.parley.ingest.job.ImportRunner;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of the ingest-worker: its Prometheus scrape after real imports,
 * and the ids in its logs.
 */
@SpringBootTest(classes = IngestWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + IngestWorkerApplication.CONFIG_NAME,
				"parley.messaging.queue-depth-interval=200ms",
				"spring.rabbitmq.listener.simple.retry.initial-interval=100ms" })
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	ImportRunner runner;

	@Autowired
	DocumentImportRepository imports;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	RabbitTemplate rabbit;

	@Test
	void scrapeTimesImportsByOutcomeAndFormatAndCountsThemByProblem() throws IOException {
		String succeeded = "parley_imports_duration_seconds_count{format=\"pdf\",outcome=\"succeeded\"}";
		String failed = "parley_imports_duration_seconds_count{format=\"pdf\",outcome=\"failed\"}";
		String none = "parley_imports_total{outcome=\"succeeded\",problem=\"none\"}";
		String notAPdf = "parley_imports_total{outcome=\"failed\",problem=\"NOT_A_PDF\"}";
		Scrape before = scrape();
		UUID good = upload(sample());
		UUID bad = upload("PK\u0003\u0004 not a pdf at all".getBytes(StandardCharsets.UTF_8));

		this.runner.run(good, false);
		this.runner.run(bad, false);

		assertThat(this.imports.findById(good).orElseThrow().state()).isEqualTo(ImportState.SUCCEEDED);
		Scrape after = scrape();
		assertThat(after.value(succeeded) - before.value(succeeded)).isEqualTo(1);
		assertThat(after.value(failed) - before.value(failed)).isEqualTo(1);
		assertThat(after.value(none) - before.value(none)).isEqualTo(1);
		assertThat(after.value(notAPdf) - before.value(notAPdf)).isEqualTo(1);
		assertThat(after.value("parley_imports_duration_seconds_sum{format=\"pdf\",outcome=\"succeeded\"}"))
			.isGreaterThan(0);
		assertThat(
				after.has("parley_imports_duration_seconds_bucket{format=\"pdf\",outcome=\"succeeded\",le=\"+Inf\"}"))
			.as(after.text())
			.isTrue();
	}

	@Test
	void logLinesOfAnImportCarryItsId(CapturedOutput output) throws IOException {
		UUID importId = upload(sample());

		this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.IMPORT_REQUESTED,
				new ImportRequested(UUID.randomUUID(), importId, OffsetDateTime.now()));

		// Whichever worker of this JVM takes the request logs with the same pattern.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(output.getOut()).containsPattern(Pattern.compile(
					"importId=" + importId + " .*ImportRunner\\s*: Import " + importId + " ended with COMPLETED")));
	}

	@Test
	void poisonIsDeadLetteredAndShownInTheDeadLetterQueueDepth() {
		String depth = "parley_dead_letter_depth{queue=\"" + Topology.IMPORT_REQUESTED + "\"}";
		await().atMost(Duration.ofSeconds(5)).until(() -> scrape().has(depth));
		double depthBefore = scrape().value(depth);
		double countedBefore = deadLettered();
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);

		this.rabbit.send(Topology.WORK_EXCHANGE, Topology.IMPORT_REQUESTED,
				new Message("{not json".getBytes(StandardCharsets.UTF_8), properties));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(scrape().value(depth)).isEqualTo(depthBefore + 1);
			assertThat(deadLettered() - countedBefore).as("counted by the worker that took it").isEqualTo(1);
		});
	}

	/**
	 * The dead letters counted by every ingest-worker context of this JVM: any of them
	 * may take the message.
	 */
	private static double deadLettered() {
		double sum = 0;
		for (MeterRegistry registry : Metrics.globalRegistry.getRegistries()) {
			Counter counter = registry.find("parley.dead-letters").tag("queue", Topology.IMPORT_REQUESTED).counter();
			sum += (counter != null) ? counter.count() : 0;
		}
		return sum;
	}

	private Scrape scrape() {
		return Scrape.of("http://localhost:" + this.port);
	}

	private UUID upload(byte[] content) {
		UUID organiser = UUID.randomUUID();
		this.organisers.add(new Organiser(organiser, organiser + "@parley.test", "{noop}x", "O", OffsetDateTime.now()));
		DocumentImport i = DocumentImport.uploaded(organiser, "draft.pdf", "application/pdf", null,
				OffsetDateTime.now());
		this.imports.add(i, content);
		return i.id();
	}

	private static byte[] sample() throws IOException {
		try (InputStream in = OperationsIntegrationTests.class
			.getResourceAsStream("/samples/ogp-draft-strategy/doc-office.pdf")) {
			return in.readAllBytes();
		}
	}

}

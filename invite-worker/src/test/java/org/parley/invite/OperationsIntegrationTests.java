package org.parley.invite;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.messaging.Topology;
import org.parley.domain.test.Scrape;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of the invite-worker: its Prometheus scrape after real work, its
 * health while the SMTP relay is down, and the ids in its log lines.
 */
@SpringBootTest(classes = InviteWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + InviteWorkerApplication.CONFIG_NAME,
				"parley.invitation.public-url=http://parley.test",
				"parley.invitation.link-secret=" + InvitationFixtures.LINK_SECRET, "parley.outbox.poll-interval=100ms",
				"parley.invitation.delivery.sweep-interval=100ms", "parley.invitation.progress-interval=100ms",
				"parley.invitation.delivery.first-retry-after=200ms",
				"parley.invitation.delivery.max-retry-after=500ms", "parley.messaging.queue-depth-interval=200ms",
				"parley.smtp.health.cache-for=100ms", "parley.smtp.health.timeout=1s",
				"spring.rabbitmq.listener.simple.retry.initial-interval=100ms", "spring.mail.host=127.0.0.1" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTests {

	static final ServerSetup SMTP = MailCatcher.onFreePort();

	static GreenMail mail = MailCatcher.start(SMTP);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		MailCatcher.register(registry, SMTP.getPort());
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	RabbitTemplate rabbit;

	@Test
	void scrapeCountsSentInvitationsAndShowsTheQueues(CapturedOutput output) {
		InvitationFixtures fixtures = new InvitationFixtures(this.context);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		double sentBefore = scrape().value(deliveries("sent"));

		UUID batchId = fixtures.invite(fixtures.discussion("Metrics"),
				"one-" + tag + "@example.org\ntwo-" + tag + "@example.org\nthree-" + tag + "@example.org\n", null);

		fixtures.awaitFinished(batchId, Duration.ofSeconds(60));
		assertThat(InvitationDeliveryIntegrationTestsSupport.recipients(mail.getReceivedMessages(), tag)).hasSize(3);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Scrape scrape = scrape();
			assertThat(scrape.value(deliveries("sent")) - sentBefore).isEqualTo(3);
			assertThat(scrape.has("parley_queue_depth{queue=\"parley.invitation.send\"}")).isTrue();
			assertThat(scrape.value("parley_queue_consumers{queue=\"parley.invitation.send\"}")).isGreaterThan(0);
			assertThat(scrape.has("parley_dead_letter_depth{queue=\"parley.invitation.send\"}")).isTrue();
		});
		assertThat(output.getOut()).as("the fan-out's log line carries its batch id")
			.containsPattern(Pattern
				.compile("batchId=" + batchId + " .*FanOutRunner\\s*: Invitation batch " + batchId + " fan-out ended"));
	}

	@Test
	void poisonIsDeadLetteredCountedAndShownInTheDeadLetterQueueDepth() {
		String series = "parley_dead_letter_depth{queue=\"" + Topology.SIGN_IN_LINK_REQUESTED + "\"}";
		await().atMost(Duration.ofSeconds(5)).until(() -> scrape().has(series));
		double depthBefore = scrape().value(series);
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);

		this.rabbit.send(Topology.WORK_EXCHANGE, Topology.SIGN_IN_LINK_REQUESTED,
				new Message("{not json".getBytes(StandardCharsets.UTF_8), properties));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Scrape scrape = scrape();
			assertThat(scrape.value("parley_dead_letters_total{queue=\"" + Topology.SIGN_IN_LINK_REQUESTED + "\"}"))
				.isEqualTo(1);
			assertThat(scrape.value(series)).isEqualTo(depthBefore + 1);
		});
	}

	@Test
	void relayDownShowsOnHealthAndItsInvitationsAreRetriedThenSent(CapturedOutput output) throws Exception {
		InvitationFixtures fixtures = new InvitationFixtures(this.context);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		double retriedBefore = scrape().value(deliveries("retried"));
		await().atMost(Duration.ofSeconds(5)).until(() -> health("/smtp").contains("\"status\":\"UP\""));

		mail.stop();
		UUID batchId;
		try {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(health("/smtp")).contains("\"status\":\"DOWN\"");
				assertThat(status("")).isEqualTo(503);
			});
			assertThat(status("/liveness")).as("a relay that is down never restarts the worker").isEqualTo(200);
			assertThat(status("/readiness")).isEqualTo(200);
			assertThat(health("/db")).contains("\"status\":\"UP\"");
			assertThat(health("/rabbit")).contains("\"status\":\"UP\"");

			batchId = fixtures.invite(fixtures.discussion("Relay down"), "late-" + tag + "@example.org\n", null);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> scrape().value(deliveries("retried")) - retriedBefore >= 2);
		}
		finally {
			mail = MailCatcher.start(SMTP);
		}

		fixtures.awaitFinished(batchId, Duration.ofSeconds(60));
		await().atMost(Duration.ofSeconds(10)).until(() -> health("/smtp").contains("\"status\":\"UP\""));
		assertThat(status("")).isEqualTo(200);
		Delivery late = this.deliveries.findByBatch(batchId, DeliveryStatus.SENT, 10, 0).get(0);
		assertThat(output.getOut()).as("a delivery's log line carries its id")
			.containsPattern(Pattern.compile("deliveryId=" + late.id() + " .*InvitationSender\\s*: Invitation "
					+ late.id() + " temporarily refused"));
	}

	private static String deliveries(String outcome) {
		return "parley_deliveries_total{kind=\"invitation\",outcome=\"" + outcome + "\"}";
	}

	private Scrape scrape() {
		return Scrape.of("http://localhost:" + this.port);
	}

	private String health(String path) throws Exception {
		return get(path).body().replace(" ", "");
	}

	private int status(String path) throws Exception {
		return get(path).statusCode();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health" + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}

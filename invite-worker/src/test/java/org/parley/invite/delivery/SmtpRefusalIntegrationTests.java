package org.parley.invite.delivery;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.invitation.InvitationCounts;
import org.parley.domain.invitation.SuppressionRepository;
import org.parley.invite.FakeSmtpServer;
import org.parley.invite.InvitationFixtures;
import org.parley.invite.InviteWorkerIntegrationTest;
import org.parley.invite.MailCatcher;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A mail server that refuses: for a while (4xx), or for good (5xx). */
@InviteWorkerIntegrationTest
@TestPropertySource(properties = { "parley.invitation.delivery.first-retry-after=200ms",
		"parley.invitation.delivery.max-retry-after=1s" })
class SmtpRefusalIntegrationTests {

	/**
	 * Temporarily refuses every "slow" address three times, and refuses "bounce"
	 * addresses for good.
	 */
	static final FakeSmtpServer smtp = new FakeSmtpServer((address, attempt) -> {
		if (address.startsWith("bounce")) {
			return "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown";
		}
		if (address.startsWith("slow") && attempt <= 3) {
			return (attempt == 2) ? "421 4.7.0 Try again later, closing connection" : "451 4.7.1 Greylisted, try again";
		}
		return "250 OK";
	});

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		MailCatcher.register(registry, smtp.port());
	}

	@AfterAll
	static void stop() throws IOException {
		smtp.close();
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	SuppressionRepository suppressions;

	@Autowired
	MeterRegistry registry;

	@Test
	void temporaryRefusalsAreRetriedUntilEveryoneIsDelivered() {
		InvitationFixtures fixtures = new InvitationFixtures(this.context);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			addresses.add("slow" + i + "-" + tag + "@example.org");
			addresses.add("fast" + i + "-" + tag + "@example.org");
		}

		double sentBefore = deliveries("sent");
		double retriedBefore = deliveries("retried");

		UUID batchId = fixtures.invite(fixtures.discussion("Greylisted"), String.join("\n", addresses), null);

		InvitationCounts counts = fixtures.awaitFinished(batchId, Duration.ofSeconds(60));
		assertThat(counts.sent()).isEqualTo(20);
		assertThat(counts.failed()).isZero();
		for (String address : addresses) {
			assertThat(smtp.accepted()).as(address).containsOnlyOnce(address);
		}
		assertThat(this.deliveries.findByBatch(batchId, DeliveryStatus.SENT, 100, 0))
			.filteredOn(d -> d.email().startsWith("slow"))
			.allMatch(d -> d.attempts() == 4);
		assertThat(deliveries("sent") - sentBefore).isEqualTo(20);
		assertThat(deliveries("retried") - retriedBefore).as("three refusals of each slow address").isEqualTo(30);
	}

	@Test
	void permanentRefusalsFailWithTheServersAnswerAreSuppressedAndNeverRetried() {
		InvitationFixtures fixtures = new InvitationFixtures(this.context);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String bounced = "bounce-" + tag + "@example.org";
		String fine = "fine-" + tag + "@example.org";

		double failedBefore = deliveries("failed");

		UUID batchId = fixtures.invite(fixtures.discussion("Bounces"), bounced + "\n" + fine + "\n", null);

		InvitationCounts counts = fixtures.awaitFinished(batchId, Duration.ofSeconds(60));
		assertThat(counts.sent()).isEqualTo(1);
		assertThat(counts.failed()).isEqualTo(1);
		Delivery failed = this.deliveries.findByBatch(batchId, DeliveryStatus.FAILED, 10, 0).get(0);
		assertThat(failed.email()).isEqualTo(bounced);
		assertThat(failed.smtpCode()).isEqualTo(550);
		assertThat(failed.reason()).contains("User unknown");
		assertThat(this.suppressions.isSuppressed(bounced)).isTrue();
		assertThat(deliveries("failed") - failedBefore).isEqualTo(1);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> smtp.attempts(bounced) == 1);

		UUID next = fixtures.invite(fixtures.discussion("Bounces again"), bounced + "\n", null);
		assertThat(fixtures.awaitFinished(next, Duration.ofSeconds(60)).suppressed()).isEqualTo(1);
		assertThat(smtp.attempts(bounced)).isEqualTo(1);
	}

	double deliveries(String outcome) {
		var counter = this.registry.find("parley.deliveries").tags("kind", "invitation", "outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

}

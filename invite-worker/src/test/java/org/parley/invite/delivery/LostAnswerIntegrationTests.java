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
import org.parley.invite.FakeSmtpServer;
import org.parley.invite.InvitationFixtures;
import org.parley.invite.InviteWorkerIntegrationTest;
import org.parley.invite.MailCatcher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail server that takes the message and then loses the connection before answering the
 * final dot: the worker cannot tell it from a lost message, sends again, and flags the
 * row ambiguous.
 */
@InviteWorkerIntegrationTest
@TestPropertySource(properties = { "parley.invitation.delivery.first-retry-after=200ms",
		"parley.invitation.delivery.max-retry-after=1s" })
class LostAnswerIntegrationTests {

	static final FakeSmtpServer smtp = new FakeSmtpServer((address, attempt) -> "250 OK",
			(address, attempt) -> address.startsWith("cut") && attempt == 1);

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

	@Test
	void anAnswerLostAfterTheMessageIsSentAgainAndFlaggedAmbiguous() {
		InvitationFixtures fixtures = new InvitationFixtures(this.context);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String cut = "cut-" + tag + "@example.org";
		String fine = "fine-" + tag + "@example.org";

		UUID batchId = fixtures.invite(fixtures.discussion("Lost answers"), cut + "\n" + fine + "\n", null);

		fixtures.awaitFinished(batchId, Duration.ofSeconds(60));
		List<Delivery> sent = new ArrayList<>(this.deliveries.findByBatch(batchId, DeliveryStatus.SENT, 10, 0));
		assertThat(sent).hasSize(2);
		assertThat(sent).filteredOn(d -> d.email().equals(cut)).singleElement().satisfies(d -> {
			assertThat(d.ambiguous()).as("flagged ambiguous").isTrue();
			assertThat(d.attempts()).isEqualTo(2);
		});
		assertThat(sent).filteredOn(d -> d.email().equals(fine)).singleElement().satisfies(d -> {
			assertThat(d.ambiguous()).as("flagged ambiguous").isFalse();
			assertThat(d.attempts()).isEqualTo(1);
		});
		assertThat(smtp.accepted()).filteredOn(cut::equals).as("copies the server took").hasSize(2);
		assertThat(smtp.accepted()).filteredOn(fine::equals).hasSize(1);
	}

}

package org.parley.invite.delivery;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.invitation.SentMessage;
import org.parley.domain.test.TestInfrastructure;
import org.parley.invite.InvitationFixtures;
import org.parley.invite.InviteWorkerIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row is claimed by one consumer, however the claims meet. Two consumers that got the
 * same row's message at once (a bundle published twice by two relays) claim it in the
 * same statement that records their previous send, at the same moment and so with the
 * same lease: only one may take it. Both once did, and both sent it.
 */
@InviteWorkerIntegrationTest
class DeliveryClaimIntegrationTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	DeliveryRepository deliveries;

	@Test
	void twoConsumersClaimingARowAtTheSameMicrosecondDoNotBothTakeIt() {
		InvitationFixtures fixtures = new InvitationFixtures(this.context);
		UUID batch = fixtures.store(fixtures.discussion("Claims"), "a@example.org\n", null, false);
		OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
		Delivery next = row(batch, 1, DeliveryStatus.QUEUED, now);
		Delivery sentByFirst = row(batch, 2, DeliveryStatus.SENDING, now);
		Delivery sentBySecond = row(batch, 3, DeliveryStatus.SENDING, now);
		this.deliveries.addAll(List.of(next, sentByFirst, sentBySecond));
		OffsetDateTime lease = now.plusMinutes(5);

		boolean first = this.deliveries.recordAndClaim(new SentMessage(sentByFirst.id(), "<2@parley.test>", now),
				next.id(), now, lease);
		boolean second = this.deliveries.recordAndClaim(new SentMessage(sentBySecond.id(), "<3@parley.test>", now),
				next.id(), now, lease);

		assertThat(first).as("the first claim takes the row").isTrue();
		assertThat(second).as("the second, with the same lease, does not").isFalse();
		assertThat(this.deliveries.findById(next.id()).orElseThrow().attempts()).isEqualTo(1);
		assertThat(this.deliveries.findById(sentBySecond.id()).orElseThrow().status())
			.as("the second consumer's send is recorded all the same")
			.isEqualTo(DeliveryStatus.SENT);
		assertThat(this.deliveries.claim(next.id(), now, lease)).as("nor does a plain claim").isFalse();
	}

	private static Delivery row(UUID batch, int line, DeliveryStatus status, OffsetDateTime now) {
		String email = "claim" + line + "-" + UUID.randomUUID() + "@example.org";
		// Not due for the sweeps during the test.
		return new Delivery(UUID.randomUUID(), batch, 100 + line, email, email, null, status, null, null, 0,
				now.plus(Duration.ofHours(1)), false, null, UUID.randomUUID().toString(), now, null, null);
	}

}

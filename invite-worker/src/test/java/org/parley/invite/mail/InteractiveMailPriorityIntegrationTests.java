package org.parley.invite.mail;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.messaging.SignInLinkRequested;
import org.parley.domain.outbox.Outbox;
import org.parley.domain.participation.SignInLink;
import org.parley.domain.participation.SignInLinkRepository;
import org.parley.invite.InvitationFixtures;
import org.parley.invite.InviteWorkerIntegrationTest;
import org.parley.invite.MailCatcher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sign-in link asked for while a campaign drains at the rate limit goes out in its own
 * lane: its own SMTP connections and its reserved share of the rate. It arrives within 2
 * s, while the campaign is still sending at its share of the limit.
 */
@InviteWorkerIntegrationTest
class InteractiveMailPriorityIntegrationTests {

	static final int RATE = 20;

	static final int INVITEES = 400;

	static final GreenMail mail = MailCatcher.start();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		MailCatcher.register(registry, mail.getSmtp().getPort());
		registry.add("parley.invitation.delivery.rate-per-second", () -> RATE);
		registry.add("parley.invitation.delivery.rate-window", () -> "1s");
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	SignInLinkRepository links;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSignInMailDuringACampaignAtTheRateLimitArrivesWithinTwoSeconds() throws Exception {
		InvitationFixtures fixtures = new InvitationFixtures(this.context);
		UUID discussion = fixtures.discussion("Campaign at the limit");
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String csv = IntStream.range(0, INVITEES)
			.mapToObj(i -> "invitee-" + tag + "-" + i + "@example.org")
			.collect(Collectors.joining("\n", "", "\n"));
		UUID batch = fixtures.invite(discussion, csv, null);
		// Draining at the limit: the campaign's share of every window is taken.
		await().atMost(Duration.ofSeconds(30)).until(() -> invitations() >= 2 * RATE);

		String email = "ana-" + tag + "@example.org";
		SignInLink link = new SignInLink(UUID.randomUUID(), email, null, OffsetDateTime.now(),
				OffsetDateTime.now().plusMinutes(30), null);
		long asked = System.nanoTime();
		new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
			this.links.add(link);
			this.outbox.send(new SignInLinkRequested(UUID.randomUUID(), link.id()));
		});
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> Arrays.stream(mail.getReceivedMessages()).anyMatch(m -> to(m).equals(email)));
		Duration waited = Duration.ofNanos(System.nanoTime() - asked);

		long queued = this.jdbc.sql("select count(*) from invitation_delivery where batch_id = :b and status in (:s)")
			.param("b", batch)
			.param("s", java.util.List.of(DeliveryStatus.QUEUED.name(), DeliveryStatus.SENDING.name()))
			.query(Long.class)
			.single();
		assertThat(queued).as("the campaign was still draining when the sign-in mail went out").isPositive();
		assertThat(waited).as("the sign-in mail's wait behind a campaign at the limit")
			.isLessThan(Duration.ofSeconds(2));
	}

	private static long invitations() {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m).startsWith("invitee-")).count();
	}

	private static String to(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package org.parley.invite.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.discussion.Privacy;
import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.links.LinkSigner;
import org.parley.domain.messaging.SignInLinkRequested;
import org.parley.domain.messaging.Topology;
import org.parley.domain.participation.SignInLink;
import org.parley.domain.participation.SignInLinkRepository;
import org.parley.domain.test.InvitationLedgers;
import org.parley.invite.InvitationFixtures;
import org.parley.invite.InviteWorkerIntegrationTest;
import org.parley.invite.MailBodies;
import org.parley.invite.MailCatcher;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@InviteWorkerIntegrationTest
class SignInLinkMailIntegrationTests {

	static final GreenMail mail = MailCatcher.start();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		MailCatcher.register(registry, mail.getSmtp().getPort());
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
	RabbitTemplate rabbit;

	@BeforeEach
	void purgeMail() throws Exception {
		mail.purgeEmailFromAllMailboxes();
	}

	@Test
	void mailsOneWorkingLinkHoweverOftenTheRequestIsDelivered() throws Exception {
		UUID discussion = published(new InvitationFixtures(this.context).discussion("Open Government Strategy 2027"),
				Privacy.PUBLIC);
		String email = "ana-" + UUID.randomUUID() + "@example.org";
		SignInLink link = new SignInLink(UUID.randomUUID(), email, discussion, OffsetDateTime.now(),
				OffsetDateTime.now().plusMinutes(30), null);
		this.links.add(link);

		SignInLinkRequested request = new SignInLinkRequested(UUID.randomUUID(), link.id());
		this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.SIGN_IN_LINK_REQUESTED, request);
		await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessages().length == 1);
		this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.SIGN_IN_LINK_REQUESTED, request);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.links.findById(link.id()).orElseThrow().email().equals(email));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> mail.getReceivedMessages().length == 1);

		MimeMessage received = mail.getReceivedMessages()[0];
		assertThat(received.getAllRecipients()[0].toString()).isEqualTo(email);
		assertThat(received.getSubject()).isEqualTo("Your sign-in link for Open Government Strategy 2027");
		assertThat(received.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
		String body = MailBodies.decoded(received);
		assertThat(body).contains("text/html").contains("Open Government Strategy 2027");
		Matcher token = Pattern.compile("http://parley\\.test/sign-in/([A-Za-z0-9_\\-.]+)").matcher(body);
		assertThat(token.find()).isTrue();
		assertThat(new LinkSigner(InvitationFixtures.LINK_SECRET).verify("sign-in", token.group(1)))
			.contains(link.id());
	}

	@Test
	void mailsNothingForAUsedExpiredOrUnknownLink() throws Exception {
		String email = "bo-" + UUID.randomUUID() + "@example.org";
		SignInLink expired = new SignInLink(UUID.randomUUID(), email, null, OffsetDateTime.now().minusHours(2),
				OffsetDateTime.now().minusHours(1), null);
		SignInLink used = new SignInLink(UUID.randomUUID(), email, null, OffsetDateTime.now(),
				OffsetDateTime.now().plusMinutes(30), null);
		SignInLink fresh = new SignInLink(UUID.randomUUID(), email, null, OffsetDateTime.now(),
				OffsetDateTime.now().plusMinutes(30), null);
		this.links.add(expired);
		this.links.add(used);
		this.links.add(fresh);
		this.links.use(used.id(), OffsetDateTime.now(), 1);

		for (UUID id : new UUID[] { expired.id(), used.id(), UUID.randomUUID(), fresh.id() }) {
			this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.SIGN_IN_LINK_REQUESTED,
					new SignInLinkRequested(UUID.randomUUID(), id));
		}

		// The queue is worked in order by few consumers: once the last one is mailed, the
		// others were seen.
		await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessages().length >= 1);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> mail.getReceivedMessages().length == 1);
		assertThat(MailBodies.decoded(mail.getReceivedMessages()[0])).contains(fresh.id().toString());
	}

	@Test
	void mailsALinkForAPrivateDiscussionOnlyToItsInvitees() throws Exception {
		UUID discussion = published(new InvitationFixtures(this.context).discussion("Private consultation"),
				Privacy.PRIVATE);
		UUID organiser = this.context.getBean(JdbcClient.class)
			.sql("select organiser_id from discussion_organiser where discussion_id = :d")
			.param("d", discussion)
			.query(UUID.class)
			.single();
		String invitee = "invitee-" + UUID.randomUUID() + "@example.org";
		String stranger = "stranger-" + UUID.randomUUID() + "@example.org";
		new InvitationLedgers(this.context.getBean(InvitationBatchRepository.class),
				this.context.getBean(DeliveryRepository.class))
			.sentInvitation(discussion, organiser, invitee);
		SignInLink toStranger = new SignInLink(UUID.randomUUID(), stranger, discussion, OffsetDateTime.now(),
				OffsetDateTime.now().plusMinutes(30), null);
		SignInLink toInvitee = new SignInLink(UUID.randomUUID(), invitee, discussion, OffsetDateTime.now(),
				OffsetDateTime.now().plusMinutes(30), null);
		this.links.add(toStranger);
		this.links.add(toInvitee);

		for (SignInLink link : new SignInLink[] { toStranger, toInvitee }) {
			this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.SIGN_IN_LINK_REQUESTED,
					new SignInLinkRequested(UUID.randomUUID(), link.id()));
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessages().length >= 1);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> mail.getReceivedMessages().length == 1);
		assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo(invitee);
	}

	private UUID published(UUID discussion, Privacy privacy) {
		DiscussionRepository discussions = this.context.getBean(DiscussionRepository.class);
		discussions
			.update(discussions.findById(discussion).orElseThrow().withPrivacy(privacy).publish(Clock.systemUTC()));
		return discussion;
	}

}

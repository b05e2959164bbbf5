package org.parley.invite.reply;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.messaging.ReplyPosted;
import org.parley.domain.messaging.Topology;
import org.parley.domain.notification.MailStatus;
import org.parley.domain.notification.NotificationRepository;
import org.parley.domain.invitation.SuppressionRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.invite.FakeSmtpServer;
import org.parley.invite.InviteWorkerIntegrationTest;
import org.parley.invite.MailCatcher;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A mail server that refuses notifications: for a while (4xx), or for good (5xx). */
@InviteWorkerIntegrationTest
@TestPropertySource(properties = { "parley.notification.first-retry-after=200ms",
		"parley.notification.max-retry-after=1s", "parley.notification.sweep-interval=100ms" })
class NotificationRefusalIntegrationTests {

	static final FakeSmtpServer smtp = new FakeSmtpServer((address, attempt) -> {
		if (address.startsWith("bounce")) {
			return "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown";
		}
		if (address.startsWith("slow") && attempt <= 2) {
			return "451 4.7.1 Greylisted, try again";
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
	RabbitTemplate rabbit;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	ParticipantRepository participants;

	@Autowired
	CommentRepository comments;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	SuppressionRepository suppressions;

	@Test
	void temporaryRefusalsAreRetriedAndPermanentOnesFailAndSuppress() {
		UUID organiser = UUID.randomUUID();
		this.organisers.add(new Organiser(organiser, organiser + "@parley.test", "{noop}x", "O", OffsetDateTime.now()));
		UUID discussion = this.discussions.addDraft(null, organiser, "Strategy",
				new Outline("Strategy", null, List
					.of(new OutlineSection("1.", "Goals", 1, List.of(new Block(BlockKind.PARAGRAPH, "Text."))))),
				OffsetDateTime.now());
		String slow = "slow-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String bounce = "bounce-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String replier = "bo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		UUID slowReply = replyTo(discussion, slow, replier);
		UUID bounceReply = replyTo(discussion, bounce, replier);

		await().atMost(Duration.ofSeconds(15)).until(() -> smtp.accepted().contains(slow));
		assertThat(smtp.attempts(slow)).isEqualTo(3);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.notifications.mailsOf(bounceReply)
				.stream()
				.allMatch(id -> this.notifications.findMail(id).orElseThrow().status() == MailStatus.FAILED));
		assertThat(this.suppressions.isSuppressed(bounce)).isTrue();
		assertThat(smtp.attempts(bounce)).isEqualTo(1);
		assertThat(this.notifications.findMail(this.notifications.mailsOf(slowReply).get(0)).orElseThrow().status())
			.isEqualTo(MailStatus.SENT);
	}

	private UUID replyTo(UUID discussion, String author, String replier) {
		UUID authorId = this.participants.findOrCreate(author, OffsetDateTime.now()).id();
		UUID replierId = this.participants.findOrCreate(replier, OffsetDateTime.now()).id();
		UUID parent = UUID.randomUUID();
		UUID section = this.discussions.sectionId(discussion, 1).orElseThrow();
		this.comments.add(new Comment(parent, discussion, section, null, null, null, authorId, "Parent.",
				CommentState.PUBLISHED, 0, OffsetDateTime.now()));
		UUID reply = UUID.randomUUID();
		this.comments.add(new Comment(reply, discussion, section, null, null, parent, replierId, "Reply.",
				CommentState.PUBLISHED, 0, OffsetDateTime.now()));
		this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.REPLY_POSTED,
				new ReplyPosted(UUID.randomUUID(), reply, parent, discussion));
		return reply;
	}

}

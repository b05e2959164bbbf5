package org.parley.invite.reply;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.messaging.ReplyPosted;
import org.parley.domain.messaging.Topology;
import org.parley.domain.notification.FollowRepository;
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
import org.parley.invite.InviteWorkerIntegrationTest;
import org.parley.invite.MailCatcher;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A follower hears about new comments once per quiet period: ten comments in a row are
 * one mail that quotes all ten, not ten mails; a comment held for moderation is told
 * about once an organiser approves it; and the mail is in the follower's own language.
 */
@InviteWorkerIntegrationTest
@TestPropertySource(
		properties = { "parley.notification.sweep-interval=100ms", "parley.notification.follow-quiet-period=2s" })
class FollowerBatchingIntegrationTests {

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
	FollowRepository follows;

	@Autowired
	JdbcClient jdbc;

	UUID discussion;

	@BeforeEach
	void openDiscussion() throws Exception {
		mail.purgeEmailFromAllMailboxes();
		UUID organiser = UUID.randomUUID();
		this.organisers
			.add(new Organiser(organiser, organiser + "@parley.test", "{noop}x", "Olga", OffsetDateTime.now()));
		this.discussion = this.discussions.addDraft(null, organiser, "Klimastrategie 2030",
				new Outline("Klimastrategie 2030", null, List
					.of(new OutlineSection("1.", "Ziele", 1, List.of(new Block(BlockKind.PARAGRAPH, "Text."))))),
				OffsetDateTime.now());
	}

	@Test
	void tenCommentsInARowAreOneMailToAFollower() throws Exception {
		String follower = address("fiona");
		follow(follower);
		for (int i = 1; i <= 10; i++) {
			UUID comment = comment(address("writer" + i), "Point number " + i + ".", CommentState.PUBLISHED);
			posted(comment);
			Thread.sleep(100);
		}

		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(follower).size() >= 1);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> mailsTo(follower).size() == 1);
		MimeMessage batch = mailsTo(follower).get(0);
		assertThat(batch.getSubject()).isEqualTo("10 new comments in “Klimastrategie 2030”");
		String body = body(batch);
		for (int i = 1; i <= 10; i++) {
			assertThat(body).contains("Point number " + i + ".");
		}
	}

	@Test
	void anApprovedCommentIsToldAboutOnceApprovedAndInTheFollowersLanguage() throws Exception {
		String follower = address("frieda");
		UUID followerId = follow(follower);
		this.jdbc.sql("update participant set language = 'de' where id = :id").param("id", followerId).update();
		UUID held = comment(address("writer"), "Ein zurückgehaltener Punkt.", CommentState.PENDING);
		posted(held);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> mailsTo(follower).isEmpty());

		// What the web does on approval: the state, then the event.
		this.comments.changeState(held, CommentState.PUBLISHED);
		posted(held);

		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(follower).size() == 1);
		MimeMessage told = mailsTo(follower).get(0);
		assertThat(told.getSubject()).isEqualTo("Neuer Kommentar zu 1. Ziele");
		assertThat(body(told)).contains("Ein zurückgehaltener Punkt.").contains("lang=\"de\"");
	}

	private UUID follow(String email) {
		UUID id = this.participants.findOrCreate(email, OffsetDateTime.now()).id();
		this.follows.follow(this.discussion, id, OffsetDateTime.now());
		return id;
	}

	private UUID comment(String author, String text, CommentState state) {
		UUID authorId = this.participants.findOrCreate(author, OffsetDateTime.now()).id();
		UUID id = UUID.randomUUID();
		this.comments.add(new Comment(id, this.discussion, this.discussions.sectionId(this.discussion, 1).orElseThrow(),
				null, null, null, authorId, text, state, 0, OffsetDateTime.now()));
		return id;
	}

	private void posted(UUID comment) {
		this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.REPLY_POSTED,
				new ReplyPosted(UUID.randomUUID(), comment, null, this.discussion));
	}

	private static String address(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	private static List<MimeMessage> mailsTo(String to) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(to);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String body(MimeMessage m) {
		try {
			MimeMultipart parts = (MimeMultipart) m.getContent();
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < parts.getCount(); i++) {
				all.append(parts.getBodyPart(i).getContent()).append('\n');
			}
			return all.toString();
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

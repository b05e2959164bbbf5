package org.parley.invite.reply;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.notification.MailStatus;
import org.parley.domain.notification.NotificationCause;
import org.parley.domain.notification.NotificationFrequency;
import org.parley.domain.notification.NotificationPreferenceRepository;
import org.parley.domain.notification.NotificationPreferences;
import org.parley.domain.notification.NotificationRepository;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outcome.CommentResponse;
import org.parley.domain.outcome.ResponseRepository;
import org.parley.domain.outcome.ResponseStatus;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outcome's mails, from ledger rows as the web writes them (issue 17): the answer to
 * the comment's author, immediately or in the day's digest, and a held comment to an
 * organiser. The worker's sweep sends them.
 */
@InviteWorkerIntegrationTest
@Import(OutcomeNotificationIntegrationTests.Clocks.class)
@TestPropertySource(properties = { "parley.notification.digest-interval=100ms",
		"parley.notification.sweep-interval=100ms", "parley.notification.digest-hour=18" })
class OutcomeNotificationIntegrationTests {

	static final GreenMail mail = MailCatcher.start();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		MailCatcher.register(registry, mail.getSmtp().getPort());
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

	@Autowired
	MutableClock clock;

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	ParticipantRepository participants;

	@Autowired
	CommentRepository comments;

	@Autowired
	ResponseRepository responses;

	@Autowired
	NotificationPreferenceRepository preferences;

	@Autowired
	NotificationRepository notifications;

	UUID discussion;

	UUID organiser;

	@BeforeEach
	void openDiscussion() throws Exception {
		mail.purgeEmailFromAllMailboxes();
		this.organiser = UUID.randomUUID();
		this.organisers.add(new Organiser(this.organiser, this.organiser + "@parley.test", "{noop}x", "Olga",
				OffsetDateTime.now()));
		this.discussion = this.discussions.addDraft(null, this.organiser, "Open Government Strategy 2027",
				new Outline("Open Government Strategy 2027", null,
						List.of(new OutlineSection("2.1.", "Strengthen the action framework", 1,
								List.of(new Block(BlockKind.PARAGRAPH, "Over time, OGP will ideally…"))))),
				OffsetDateTime.now());
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anAnswerIsMailedToTheAuthorInTheCommentsThreadWithAOneClickUnsubscribe() {
		String ana = address("ana");
		UUID comment = comment(ana, "Publish the action plans in plain language.");
		answer(comment, ResponseStatus.PARTLY_ACCEPTED, "We will publish a plain-language summary of each plan.");

		MimeMessage received = awaitMails(ana, 1).get(0);

		assertThat(subject(received)).isEqualTo("Your comment on 2.1. Strengthen the action framework was answered");
		assertThat(header(received, "In-Reply-To")).isEqualTo("<comment-" + comment + "@parley.local>");
		assertThat(header(received, "List-Unsubscribe")).startsWith("<http://parley.test/unsubscribe/notifications/");
		assertThat(header(received, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(body(received))
			.contains("answered your comment on 2.1. Strengthen the action framework: Partly accepted.")
			.contains("> We will publish a plain-language summary of each plan.")
			.contains("> Publish the action plans in plain language.")
			.contains("http://parley.test/discussions/" + this.discussion + "?section=1#comment-" + comment)
			.contains("text/html");
	}

	@Test
	void anAnswerAgainNotifiesNobodyTwice() {
		String ana = address("ana");
		UUID comment = comment(ana, "One point.");
		answer(comment, ResponseStatus.NOTED, "Thank you.");
		awaitMails(ana, 1);

		answer(comment, ResponseStatus.ACCEPTED, "Taken up after all.");

		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mailsTo(ana).size() == 1);
	}

	@Test
	void anAuthorWhoChoseTheDigestGetsTheAnswerInIt() {
		ZoneId paris = ZoneId.of("Europe/Paris");
		ZonedDateTime morning = ZonedDateTime.now(paris).plusDays(1).withHour(9).withMinute(0);
		this.clock.set(morning.toInstant());
		String ana = address("ana");
		UUID anaId = this.participants.findOrCreate(ana, OffsetDateTime.now()).id();
		this.preferences.saveDefaults(anaId, new NotificationPreferences(NotificationFrequency.DAILY, paris, false),
				OffsetDateTime.now());
		UUID comment = comment(ana, "Add a budget line for training.");
		answer(comment, ResponseStatus.ACCEPTED, "Added to section 2.1.");
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> mailsTo(ana).isEmpty());

		this.clock.set(morning.withHour(18).withMinute(5).toInstant());

		MimeMessage digest = awaitMails(ana, 1).get(0);
		assertThat(body(digest))
			.contains("The organisers answered your comment on 2.1. Strengthen the action framework:")
			.contains("Add a budget line for training.");
	}

	@Test
	void aStoppedAuthorIsNotMailedEvenIfTheRowWasQueued() {
		String ana = address("ana");
		UUID anaId = this.participants.findOrCreate(ana, OffsetDateTime.now()).id();
		UUID comment = comment(ana, "A point.");
		this.preferences.saveDefaults(anaId, new NotificationPreferences(NotificationFrequency.IMMEDIATE, null, true),
				OffsetDateTime.now());
		this.responses.respond(comment,
				new CommentResponse(ResponseStatus.NOTED, "Thanks.", OffsetDateTime.now(this.clock), this.organiser));
		UUID mailId = this.notifications
			.record(comment, anaId, this.discussion, NotificationCause.RESPONSE, NotificationFrequency.IMMEDIATE,
					OffsetDateTime.now(this.clock), OffsetDateTime.now(this.clock))
			.orElseThrow();

		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.notifications.findMail(mailId).orElseThrow().status() == MailStatus.CANCELLED);
		assertThat(mailsTo(ana)).isEmpty();
	}

	@Test
	void aHeldCommentTellsTheOrganiserWithTheWayToTheQueue() {
		String olga = address("olga");
		UUID olgaId = this.participants.findOrCreate(olga, OffsetDateTime.now()).id();
		UUID comment = comment(address("bo"), "Please read my long comment.");
		this.notifications.record(comment, olgaId, this.discussion, NotificationCause.WAITING,
				NotificationFrequency.IMMEDIATE, OffsetDateTime.now(this.clock), OffsetDateTime.now(this.clock));

		MimeMessage received = awaitMails(olga, 1).get(0);

		assertThat(subject(received)).isEqualTo("A comment waits for your approval in “Open Government Strategy 2027”");
		assertThat(body(received)).contains("> Please read my long comment.")
			.contains("http://parley.test/discussions/" + this.discussion + "/moderation");
	}

	/** What the web does on PUT /api/comments/{id}/response. */
	private void answer(UUID comment, ResponseStatus status, String text) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.responses.respond(comment, new CommentResponse(status, text, now, this.organiser));
		Comment c = this.comments.findById(comment).orElseThrow();
		this.notifications.record(comment, c.participantId(), this.discussion, NotificationCause.RESPONSE,
				this.preferences.effective(c.participantId(), this.discussion), now, now);
	}

	private String address(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	private UUID comment(String author, String text) {
		UUID authorId = this.participants.findOrCreate(author, OffsetDateTime.now()).id();
		UUID id = UUID.randomUUID();
		this.comments.add(new Comment(id, this.discussion, this.discussions.sectionId(this.discussion, 1).orElseThrow(),
				null, null, null, authorId, text, CommentState.PUBLISHED, 0, OffsetDateTime.now(this.clock)));
		return id;
	}

	private static List<MimeMessage> awaitMails(String to, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(to).size() >= count);
		return mailsTo(to);
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

	private static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String header(MimeMessage m, String name) {
		try {
			return m.getHeader(name)[0];
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String body(MimeMessage m) {
		try {
			MimeMultipart parts = (MimeMultipart) m.getContent();
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < parts.getCount(); i++) {
				all.append(parts.getBodyPart(i).getContentType())
					.append('\n')
					.append(parts.getBodyPart(i).getContent());
			}
			return all.toString();
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

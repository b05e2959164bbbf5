package org.parley.invite.reply;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.links.LinkSigner;
import org.parley.domain.messaging.ReplyPosted;
import org.parley.domain.messaging.Topology;
import org.parley.domain.notification.FollowRepository;
import org.parley.domain.notification.NotificationFrequency;
import org.parley.domain.notification.NotificationMail;
import org.parley.domain.notification.NotificationPreferenceRepository;
import org.parley.domain.notification.NotificationPreferences;
import org.parley.domain.notification.NotificationRepository;
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
import org.parley.invite.InvitationFixtures;
import org.parley.invite.InviteWorkerIntegrationTest;
import org.parley.invite.MailCatcher;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
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

@InviteWorkerIntegrationTest
@Import(ReplyNotificationIntegrationTests.Clocks.class)
@TestPropertySource(
		properties = { "parley.notification.digest-interval=100ms", "parley.notification.sweep-interval=100ms",
				"parley.notification.digest-hour=18", "parley.notification.follow-quiet-period=300ms" })
class ReplyNotificationIntegrationTests {

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
	NotificationPreferenceRepository preferences;

	@Autowired
	NotificationRepository notifications;

	UUID discussion;

	@BeforeEach
	void openDiscussion() throws Exception {
		mail.purgeEmailFromAllMailboxes();
		UUID organiser = UUID.randomUUID();
		this.organisers
			.add(new Organiser(organiser, organiser + "@parley.test", "{noop}x", "Olga", OffsetDateTime.now()));
		this.discussion = this.discussions.addDraft(null, organiser, "Open Government Strategy 2027", new Outline(
				"Open Government Strategy 2027", null,
				List.of(new OutlineSection("2.", "Goals", 1, List.of(new Block(BlockKind.PARAGRAPH, "Text."))),
						new OutlineSection("2.1.",
								"Strengthen the action framework with attractive fit-for-purpose options for members",
								2, List.of(new Block(BlockKind.PARAGRAPH, "Over time, OGP will ideally…"))))),
				OffsetDateTime.now());
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void replyNotifiesTheParentsAuthorInOneThreadPerComment() throws Exception {
		String ana = address("ana");
		UUID parent = comment(ana, null, "We should simplify the rules.");
		String bo = address("bo");
		UUID first = comment(bo, parent, "Agreed, and publish them in plain language.");
		UUID second = comment(address("carl"), parent, "Not so fast:\nthe rules protect members.");
		posted(first, parent);
		posted(second, parent);

		List<MimeMessage> received = awaitMails(ana, 2);
		String thread = "<comment-" + parent + "@parley.local>";
		for (MimeMessage m : received) {
			assertThat(m.getHeader("In-Reply-To")).containsExactly(thread);
			assertThat(m.getHeader("References")).containsExactly(thread);
			assertThat(m.getSubject())
				.isEqualTo("Re: Your comment on 2.1. Strengthen the action framework with attractive…");
			assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
			assertThat(m.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
			assertThat(m.getHeader("List-Unsubscribe")[0]).startsWith("<http://parley.test/unsubscribe/notifications/");
		}
		assertThat(received.get(0).getMessageID()).isNotEqualTo(received.get(1).getMessageID());
		String body = bodies(received);
		assertThat(body).contains("text/html")
			.contains("> Agreed, and publish them in plain language.")
			.contains("> Not so fast:")
			.contains(this.participants.findByEmail(bo).orElseThrow().shownName() + " replied to your comment")
			.doesNotContain(bo.substring(0, bo.indexOf('@')))
			.contains("replied to your comment on 2.1. Strengthen the action framework")
			.contains("http://parley.test/discussions/" + this.discussion + "?section=2#comment-" + first)
			.contains("> We should simplify the rules.");
	}

	@Test
	void aSelfReplyNotifiesNobody() throws Exception {
		String ana = address("ana");
		UUID parent = comment(ana, null, "First thought.");
		posted(comment(ana, parent, "Second thought of mine."), parent);
		UUID other = comment(address("bo"), parent, "Someone else.");
		posted(other, parent);

		List<MimeMessage> received = awaitMails(ana, 1);
		assertThat(bodies(received)).contains("Someone else.").doesNotContain("Second thought of mine.");
		assertThat(mail.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aFollowerWhoIsAlsoTheAuthorGetsOneEmail() throws Exception {
		String olga = address("olga");
		UUID olgaId = this.participants.findOrCreate(olga, OffsetDateTime.now()).id();
		this.follows.follow(this.discussion, olgaId, OffsetDateTime.now());
		UUID parent = comment(olga, null, "Organiser here: what do you think?");
		posted(parent, null); // her own comment: nothing
		UUID reply = comment(address("bo"), parent, "I think it is good.");
		posted(reply, parent);
		UUID other = comment(address("carl"), null, "A new point on goals.");
		posted(other, null);

		List<MimeMessage> received = awaitMails(olga, 2);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> mailsTo(olga).size() == 2);
		MimeMessage toReply = received.stream()
			.filter(m -> body(m).contains("I think it is good."))
			.findFirst()
			.orElseThrow();
		assertThat(toReply.getSubject()).startsWith("Re: Your comment on");
		MimeMessage toFollow = received.stream()
			.filter(m -> body(m).contains("A new point on goals."))
			.findFirst()
			.orElseThrow();
		assertThat(toFollow.getSubject()).startsWith("New comment on 2.1.");
		assertThat(toFollow.getMessageID()).isEqualTo("<comment-" + other + "@parley.local>");
		assertThat(mailsTo(address("bo"))).isEmpty();
	}

	@Test
	void digestModeSendsOneDigestWithTheDaysRepliesAndNoneWithout() throws Exception {
		ZoneId auckland = ZoneId.of("Pacific/Auckland");
		ZonedDateTime morning = ZonedDateTime.now(auckland).plusDays(1).withHour(9).withMinute(0);
		this.clock.set(morning.toInstant());
		String ana = address("ana");
		UUID anaId = this.participants.findOrCreate(ana, OffsetDateTime.now()).id();
		this.preferences.saveDefaults(anaId, new NotificationPreferences(NotificationFrequency.DAILY, auckland, false),
				OffsetDateTime.now());
		UUID parent = comment(ana, null, "My comment.");
		for (int i = 1; i <= 3; i++) {
			posted(comment(address("bo"), parent, "Reply number " + i + "."), parent);
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.notifications.waitingForDigest()
				.stream()
				.filter(w -> w.recipientId().equals(anaId))
				.count() == 1);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> mailsTo(ana).isEmpty());

		this.clock.set(morning.withHour(18).withMinute(5).toInstant());
		List<MimeMessage> digest = awaitMails(ana, 1);
		assertThat(digest.get(0).getSubject()).isEqualTo("3 new comments in “Open Government Strategy 2027”");
		assertThat(body(digest.get(0))).contains("Reply number 1.")
			.contains("Reply number 2.")
			.contains("Reply number 3.");
		assertThat(digest.get(0).getHeader("List-Unsubscribe")).isNotNull();

		this.clock.set(morning.plusDays(1).withHour(18).withMinute(30).toInstant());
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mailsTo(ana).size() == 1);
	}

	@Test
	void immediateAndDailySendsEachReplyNowAndAgainInTheDaysDigest() throws Exception {
		ZoneId paris = ZoneId.of("Europe/Paris");
		ZonedDateTime morning = ZonedDateTime.now(paris).plusDays(1).withHour(9).withMinute(0);
		this.clock.set(morning.toInstant());
		String ana = address("ana");
		UUID anaId = this.participants.findOrCreate(ana, OffsetDateTime.now()).id();
		this.preferences.saveDefaults(anaId,
				new NotificationPreferences(NotificationFrequency.IMMEDIATE_AND_DAILY, paris, false),
				OffsetDateTime.now());
		String carla = address("carla"); // the default, immediate only
		this.preferences.saveDefaults(this.participants.findOrCreate(carla, OffsetDateTime.now()).id(),
				new NotificationPreferences(NotificationFrequency.IMMEDIATE, paris, false), OffsetDateTime.now());
		UUID parent = comment(ana, null, "Both ways please.");
		UUID carlasParent = comment(carla, null, "Only now please.");
		for (int i = 1; i <= 2; i++) {
			posted(comment(address("bo"), parent, "Reply number " + i + "."), parent);
			posted(comment(address("bo"), carlasParent, "Answer number " + i + "."), carlasParent);
		}

		List<MimeMessage> immediate = awaitMails(ana, 2);
		assertThat(immediate).allSatisfy(
				m -> assertThat(m.getHeader("In-Reply-To")).containsExactly("<comment-" + parent + "@parley.local>"));
		assertThat(bodies(immediate)).contains("Reply number 1.").contains("Reply number 2.");
		awaitMails(carla, 2);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> mailsTo(ana).size() == 2);

		this.clock.set(morning.withHour(18).withMinute(5).toInstant());
		List<MimeMessage> all = awaitMails(ana, 3);
		List<MimeMessage> digests = all.stream().filter(m -> messageId(m).startsWith("<digest-")).toList();
		assertThat(digests).hasSize(1);
		MimeMessage digest = digests.get(0);
		assertThat(digest.getSubject()).isEqualTo("2 new comments in “Open Government Strategy 2027”");
		assertThat(body(digest)).contains("Reply number 1.").contains("Reply number 2.");
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4)).until(() -> mailsTo(ana).size() == 3);
		assertThat(mailsTo(carla)).hasSize(2); // immediate only: no digest repeats what
												// she had
	}

	@Test
	void noneNotifiesNothing() throws Exception {
		String ana = address("ana");
		UUID anaId = this.participants.findOrCreate(ana, OffsetDateTime.now()).id();
		this.preferences.saveForDiscussion(anaId, this.discussion, NotificationFrequency.NONE, OffsetDateTime.now());
		UUID parent = comment(ana, null, "Leave me be.");
		posted(comment(address("bo"), parent, "Reply she will not see."), parent);
		String carla = address("carla");
		UUID control = comment(carla, null, "Control.");
		posted(comment(address("bo"), control, "Reply Carla sees."), control);

		awaitMails(carla, 1);
		assertThat(mailsTo(ana)).isEmpty();
	}

	@Test
	void theUnsubscribeLinkStopsFurtherNotificationsOfTheDiscussion() throws Exception {
		String ana = address("ana");
		UUID parent = comment(ana, null, "Tell me.");
		posted(comment(address("bo"), parent, "First reply."), parent);
		MimeMessage first = awaitMails(ana, 1).get(0);

		// What the web does on POST /unsubscribe/notifications/{token}
		Matcher token = Pattern.compile("/unsubscribe/notifications/([^>]+)>")
			.matcher(first.getHeader("List-Unsubscribe")[0]);
		assertThat(token.find()).isTrue();
		UUID mailId = new LinkSigner(InvitationFixtures.LINK_SECRET).verify("unsubscribe-notifications", token.group(1))
			.orElseThrow();
		NotificationMail unsubscribed = this.notifications.findMail(mailId).orElseThrow();
		this.preferences.saveForDiscussion(unsubscribed.recipientId(), unsubscribed.discussionId(),
				NotificationFrequency.NONE, OffsetDateTime.now());

		posted(comment(address("bo"), parent, "Second reply."), parent);
		String carla = address("carla");
		UUID control = comment(carla, null, "Control.");
		posted(comment(address("bo"), control, "Reply Carla sees."), control);
		awaitMails(carla, 1);
		assertThat(mailsTo(ana)).hasSize(1);
	}

	@Test
	void aRedeliveredEventSendsOneEmail() throws Exception {
		String ana = address("ana");
		UUID parent = comment(ana, null, "Once please.");
		UUID reply = comment(address("bo"), parent, "Said once.");
		ReplyPosted event = new ReplyPosted(UUID.randomUUID(), reply, parent, this.discussion);
		this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.REPLY_POSTED, event);
		awaitMails(ana, 1);
		this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.REPLY_POSTED, event);
		this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.REPLY_POSTED, event);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mailsTo(ana).size() == 1);
	}

	private String address(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	private UUID comment(String author, UUID parent, String text) {
		UUID authorId = this.participants.findOrCreate(author, OffsetDateTime.now()).id();
		UUID id = UUID.randomUUID();
		this.comments.add(new Comment(id, this.discussion, this.discussions.sectionId(this.discussion, 2).orElseThrow(),
				null, null, parent, authorId, text, CommentState.PUBLISHED, 0, OffsetDateTime.now(this.clock)));
		return id;
	}

	private void posted(UUID comment, UUID parent) {
		this.rabbit.convertAndSend(Topology.WORK_EXCHANGE, Topology.REPLY_POSTED,
				new ReplyPosted(UUID.randomUUID(), comment, parent, this.discussion));
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

	private static String messageId(MimeMessage m) {
		try {
			return m.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Both parts, decoded, and a marker of the HTML part. */
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

	private static String bodies(List<MimeMessage> messages) {
		return String.join("\n", messages.stream().map(ReplyNotificationIntegrationTests::body).toList());
	}

}

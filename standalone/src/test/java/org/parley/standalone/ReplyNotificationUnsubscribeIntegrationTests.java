package org.parley.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.messaging.ReplyPosted;
import org.parley.domain.messaging.Topology;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.domain.outbox.Outbox;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.ParticipantRepository;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6's unsubscribe acceptance through every real part: a reply written as the web
 * writes it (comment and outbox row in one transaction), the notification mailed by the
 * invite-worker, and the one-click link of its {@code List-Unsubscribe} header posted
 * over HTTP to the web, as a mail provider does (RFC 8058: no session, no CSRF token).
 * Nothing further reaches that recipient.
 */
class ReplyNotificationUnsubscribeIntegrationTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void theOneClickUnsubscribeLinkStopsFurtherNotifications() throws Exception {
		StandaloneApplication app = RunningParley.get();
		ApplicationContext web = app.web();
		UUID organiser = web.getBean(OrganiserRepository.class).findByEmail(RunningParley.ADMIN).orElseThrow().id();
		UUID discussion = web.getBean(DiscussionRepository.class)
			.addDraft(null, organiser, "Unsubscribe test",
					new Outline("Unsubscribe test", null, List
						.of(new OutlineSection("1.", "Goals", 1, List.of(new Block(BlockKind.PARAGRAPH, "Text."))))),
					OffsetDateTime.now());
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String ana = "ana-" + tag + "@example.org";
		String carla = "carla-" + tag + "@example.org";
		UUID anasComment = comment(web, discussion, ana, null, "Tell me when someone answers.");
		UUID carlasComment = comment(web, discussion, carla, null, "Me too.");

		reply(web, discussion, anasComment, "First answer.");
		MimeMessage first = await().atMost(Duration.ofSeconds(20))
			.until(() -> mailsTo(app, ana), m -> m.size() == 1)
			.get(0);
		String header = first.getHeader("List-Unsubscribe")[0];
		assertThat(first.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		String link = header.substring(1, header.length() - 1);
		assertThat(link).startsWith(RunningParley.baseUrl() + "/unsubscribe/notifications/");

		HttpResponse<String> unsubscribed = this.http.send(HttpRequest.newBuilder(URI.create(link))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(unsubscribed.statusCode()).isEqualTo(200);

		reply(web, discussion, anasComment, "Second answer.");
		reply(web, discussion, carlasComment, "An answer for Carla.");
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(app, carla).size() == 1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mailsTo(app, ana).size() == 1);
	}

	private static UUID comment(ApplicationContext web, UUID discussion, String author, UUID parent, String text) {
		UUID authorId = web.getBean(ParticipantRepository.class).findOrCreate(author, OffsetDateTime.now()).id();
		UUID id = UUID.randomUUID();
		web.getBean(CommentRepository.class)
			.add(new Comment(id, discussion,
					web.getBean(DiscussionRepository.class).sectionId(discussion, 1).orElseThrow(), null, null, parent,
					authorId, text, CommentState.PUBLISHED, 0, OffsetDateTime.now()));
		return id;
	}

	/**
	 * What the web does on POST /api/comments/{id}/replies: the comment and its event,
	 * then the relay.
	 */
	private static void reply(ApplicationContext web, UUID discussion, UUID parent, String text) {
		String replier = "bo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		new TransactionTemplate(web.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
			UUID reply = comment(web, discussion, replier, parent, text);
			web.getBean(Outbox.class).send(new ReplyPosted(UUID.randomUUID(), reply, parent, discussion));
		});
	}

	private static List<MimeMessage> mailsTo(StandaloneApplication app, String to) {
		return Arrays.stream(app.mail().getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(to);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}

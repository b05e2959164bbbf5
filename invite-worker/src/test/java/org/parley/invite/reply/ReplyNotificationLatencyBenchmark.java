package org.parley.invite.reply;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parley.domain.discussion.DiscussionRepository;
import org.parley.domain.messaging.ReplyPosted;
import org.parley.domain.messaging.Topology;
import org.parley.domain.organiser.Organiser;
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
import org.parley.domain.test.TestInfrastructure;
import org.parley.invite.InviteWorkerIntegrationTest;
import org.parley.invite.messaging.OutboxSchedule;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.invite.InvitationDeliveryIntegrationTestsSupport.freePort;

/**
 * Latency from a reply's commit (comment and outbox row, as the web writes them) to the SMTP
 * server having accepted the notification, over 600 replies at 20 a second on an idle system.
 * Run on purpose: {@code -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=ReplyNotificationLatencyBenchmark}.
 * Acceptance is observed by polling GreenMail every millisecond, which adds up to about 1 ms.
 */
@Tag("benchmark")
@InviteWorkerIntegrationTest
class ReplyNotificationLatencyBenchmark {

	static final int REPLIES = 600;

	static final int WARM_UP = 50;

	static final GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		mail.start();
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@Autowired
	DiscussionRepository discussions;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	ParticipantRepository participants;

	@Autowired
	CommentRepository comments;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxSchedule relay;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void replyCommitToSmtpAcceptedWhenIdle() throws Exception {
		UUID organiser = UUID.randomUUID();
		this.organisers.add(new Organiser(organiser, organiser + "@parley.test", "{noop}x", "O", OffsetDateTime.now()));
		UUID discussion = this.discussions.addDraft(null, organiser, "Benchmark", new Outline("Benchmark", null,
				List.of(new OutlineSection("1.", "Goals", 1, List.of(new Block(BlockKind.PARAGRAPH, "Text."))))),
				OffsetDateTime.now());
		UUID replier = this.participants.findOrCreate("replier@bench.test", OffsetDateTime.now()).id();
		List<UUID> parents = new ArrayList<>();
		for (int i = 0; i < REPLIES; i++) {
			UUID author = this.participants.findOrCreate("author" + i + "@bench.test", OffsetDateTime.now()).id();
			UUID parent = UUID.randomUUID();
			this.comments.add(new Comment(parent, discussion, 1, null, null, null, author, "Parent " + i,
					CommentState.PUBLISHED, 0, OffsetDateTime.now()));
			parents.add(parent);
		}
		mail.purgeEmailFromAllMailboxes();

		Map<String, Long> committed = new ConcurrentHashMap<>();
		Map<String, Long> accepted = new ConcurrentHashMap<>();
		Thread watcher = new Thread(() -> {
			int seen = 0;
			while (!Thread.currentThread().isInterrupted() && seen < REPLIES) {
				MimeMessage[] received = mail.getReceivedMessages();
				long now = System.nanoTime();
				for (int i = seen; i < received.length; i++) {
					accepted.putIfAbsent(recipient(received[i]), now);
				}
				seen = received.length;
				try {
					Thread.sleep(1);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		watcher.start();

		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		for (int i = 0; i < REPLIES; i++) {
			UUID parent = parents.get(i);
			String author = "author" + i + "@bench.test";
			tx.executeWithoutResult(status -> {
				UUID reply = UUID.randomUUID();
				this.comments.add(new Comment(reply, discussion, 1, null, null, parent, replier, "A reply.",
						CommentState.PUBLISHED, 0, OffsetDateTime.now()));
				UUID messageId = UUID.randomUUID();
				this.outbox.enqueue(messageId, Topology.WORK_EXCHANGE, Topology.REPLY_POSTED,
						new ReplyPosted(messageId, reply, parent, discussion));
				// registered before the relay's, so it runs first, right after the commit
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						committed.put(author, System.nanoTime());
					}
				});
				this.relay.relayAfterCommit();
			});
			Thread.sleep(50);
		}
		await().atMost(Duration.ofMinutes(2)).until(() -> accepted.size() == REPLIES);
		watcher.interrupt();

		report("all", committed, accepted, 0);
		report("after 50 warm-up replies", committed, accepted, WARM_UP);
		assertThat(accepted).hasSize(REPLIES);
	}

	private static void report(String what, Map<String, Long> committed, Map<String, Long> accepted, int skip) {
		double[] millis = committed.entrySet()
			.stream()
			.filter(e -> Integer.parseInt(e.getKey().replaceAll("\\D", "")) >= skip)
			.mapToDouble(e -> (accepted.get(e.getKey()) - e.getValue()) / 1e6)
			.sorted()
			.toArray();
		System.out.printf("BENCHMARK reply commit -> SMTP accepted, idle, %s (%d): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
				what, millis.length, millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.99) - 1],
				millis[millis.length - 1]);
	}

	private static String recipient(MimeMessage m) {
		try {
			return m.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

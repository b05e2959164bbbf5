package org.parley.invite.reply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
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
import org.parley.domain.outbox.OutboxMessage;
import org.parley.domain.outbox.OutboxRelay;
import org.parley.domain.outbox.PublishFailed;
import org.parley.domain.outline.Block;
import org.parley.domain.outline.BlockKind;
import org.parley.domain.outline.Outline;
import org.parley.domain.outline.OutlineSection;
import org.parley.domain.participation.Comment;
import org.parley.domain.participation.CommentRepository;
import org.parley.domain.participation.CommentState;
import org.parley.domain.participation.ParticipantRepository;
import org.parley.domain.test.TestInfrastructure;
import org.parley.invite.FakeSmtpServer;
import org.parley.invite.InvitationFixtures;
import org.parley.invite.InviteWorkerIntegrationTest;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6's benchmark: the latency from a reply's commit to the SMTP server's 250 for its
 * notification, over {@value #DEFAULT_REPLIES} replies each, in three runs side by side:
 * <ol>
 * <li>raw: a Jakarta Mail loop over one reused connection to the same server, at the same
 * pace (the floor: one SMTP transaction);</li>
 * <li>idle: Parley with nothing else to do;</li>
 * <li>campaign: Parley while a 100,000-invitation campaign fans out and drains through
 * the same invite-worker to the same SMTP server, at the invitation rate limit given by
 * {@code -Dparley.benchmark.invitation-rate} (default 100 a second, as a relay's quota
 * would set; 0 for none).</li>
 * </ol>
 * Replies are paced open loop: reply {@code i} is scheduled at {@code start + i / rate}
 * on a scheduler, whatever happened to the ones before, and latencies are taken both from
 * the commit and from the intended time (so a stalled commit counts). The reply is
 * written as the web writes it: the comment and its outbox row in one transaction,
 * relayed right after the commit by a relay of its own (the web's) that also polls every
 * second, while the worker's own relay drains the campaign's outbox rows from the same
 * table. The SMTP server notes the time at which it answers 250 to the message's data.
 * Run on purpose:
 * {@code ./mvnw -pl invite-worker -am verify -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=ReplyNotificationLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Pexternal-infra} for PostgreSQL and RabbitMQ).
 */
@Tag("benchmark")
@InviteWorkerIntegrationTest
@TestPropertySource(properties = { "logging.level.org.parley=WARN", "parley.invitation.fan-out.chunk-size=500",
		"parley.invitation.delivery.sweep-interval=1s", "parley.outbox.poll-interval=1s",
		"parley.notification.sweep-interval=1s" })
class ReplyNotificationLatencyBenchmark {

	static final int DEFAULT_REPLIES = 500;

	static final int REPLIES = Integer.getInteger("parley.benchmark.replies", DEFAULT_REPLIES);

	static final int PER_SECOND = Integer.getInteger("parley.benchmark.replies-per-second", 20);

	static final int WARM_UP = 100;

	static final int INVITEES = Integer.getInteger("parley.benchmark.invitees", 100_000);

	static final int INVITATION_RATE = Integer.getInteger("parley.benchmark.invitation-rate", 100);

	static final Acceptances acceptances = new Acceptances();

	static final FakeSmtpServer smtp = new FakeSmtpServer((address, attempt) -> "250 OK", (address, attempt) -> false,
			acceptances);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.brokerProperties().forEach((k, v) -> registry.add(k, () -> v));
		TestInfrastructure.databaseProperties().forEach((k, v) -> registry.add(k, () -> v));
		// The production pool (Hikari's default), not the tests' small one.
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "10");
		registry.add("spring.mail.port", smtp::port);
		registry.add("parley.invitation.delivery.rate-per-second", () -> INVITATION_RATE);
	}

	@AfterAll
	static void stopSmtp() throws IOException {
		smtp.close();
	}

	@Autowired
	ApplicationContext context;

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
	RabbitTemplate rabbit;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void replyCommitToSmtpAcceptedIdleAndDuringACampaign() throws Exception {
		UUID organiser = UUID.randomUUID();
		this.organisers.add(new Organiser(organiser, organiser + "@parley.test", "{noop}x", "O", OffsetDateTime.now()));
		UUID discussion = this.discussions.addDraft(null, organiser, "Benchmark",
				new Outline("Benchmark", null, List
					.of(new OutlineSection("1.", "Goals", 1, List.of(new Block(BlockKind.PARAGRAPH, "Text."))))),
				OffsetDateTime.now());
		UUID replier = this.participants.findOrCreate("replier@bench.test", OffsetDateTime.now()).id();
		String run = UUID.randomUUID().toString().substring(0, 8);
		WebSide web = new WebSide(new OutboxRelay(this.outbox, new ConfirmingPublisher(this.rabbit)));
		try {
			Latencies raw = raw(run);
			replies(web, discussion, replier, "warm-" + run, WARM_UP);
			Latencies idle = replies(web, discussion, replier, "idle-" + run, REPLIES);

			InvitationFixtures fixtures = new InvitationFixtures(this.context);
			UUID campaignDiscussion = fixtures.discussion("Campaign");
			StringBuilder csv = new StringBuilder("email,name\n");
			for (int i = 0; i < INVITEES; i++) {
				csv.append("invitee")
					.append(i)
					.append('-')
					.append(run)
					.append("@example.org,Invitee ")
					.append(i)
					.append('\n');
			}
			long campaignStart = System.nanoTime();
			fixtures.invite(campaignDiscussion, csv.toString(), "A short personal message from the organiser.");
			await().atMost(Duration.ofMinutes(5)).until(() -> acceptances.invitations() >= 100);
			long sendingAfter = System.nanoTime() - campaignStart;
			long invitationsBefore = acceptances.invitations();
			long windowStart = System.nanoTime();
			Latencies campaign = replies(web, discussion, replier, "campaign-" + run, REPLIES);
			long invitationsDuring = acceptances.invitations() - invitationsBefore;
			double window = (System.nanoTime() - windowStart) / 1e9;

			System.out.printf("%nBENCHMARK reply commit -> SMTP 250, %d replies each at %d/s (open loop)%n", REPLIES,
					PER_SECOND);
			System.out.printf("  infrastructure: %s; invitation rate limit: %s%n",
					TestInfrastructure.external() ? "PostgreSQL + RabbitMQ" : "H2 + embedded Qpid",
					(INVITATION_RATE > 0) ? INVITATION_RATE + "/s" : "none");
			System.out.printf("  %-44s %9s %9s %9s%n", "", "p50 ms", "p99 ms", "max ms");
			raw.print("raw Jakarta Mail, send -> 250");
			idle.print("idle, commit -> 250");
			idle.printFromIntended("idle, intended time -> 250");
			campaign.print("campaign, commit -> 250");
			campaign.printFromIntended("campaign, intended time -> 250");
			System.out.printf("  ratios p99: idle/raw %.1fx, campaign/raw %.1fx, campaign/idle %.2fx%n",
					idle.p(0.99) / raw.p(0.99), campaign.p(0.99) / raw.p(0.99), campaign.p(0.99) / idle.p(0.99));
			System.out.printf(
					"  campaign: %d invitees; first invitations accepted %.1f s after the request; %d invitations accepted"
							+ " during the %.1f s of replies (%.0f/s); %d of %d accepted by the end%n%n",
					INVITEES, sendingAfter / 1e9, invitationsDuring, window, invitationsDuring / window,
					acceptances.invitations(), INVITEES);

			assertThat(idle.count()).isEqualTo(REPLIES);
			assertThat(campaign.count()).isEqualTo(REPLIES);
			assertThat(invitationsDuring).as("invitations were sending while the replies were measured").isPositive();
			assertThat(acceptances.invitations()).as("the campaign was still draining at the end").isLessThan(INVITEES);
		}
		finally {
			web.close();
		}
	}

	/**
	 * {@code n} replies to comments of their own, paced open loop; their latencies once
	 * all are accepted.
	 */
	private Latencies replies(WebSide web, UUID discussion, UUID replier, String tag, int n) throws Exception {
		List<UUID> parents = new ArrayList<>();
		UUID section = this.discussions.sectionId(discussion, 1).orElseThrow();
		for (int i = 0; i < n; i++) {
			UUID author = this.participants.findOrCreate(author(tag, i), OffsetDateTime.now()).id();
			UUID parent = UUID.randomUUID();
			this.comments.add(new Comment(parent, discussion, section, null, null, null, author, "Parent " + i,
					CommentState.PUBLISHED, 0, OffsetDateTime.now()));
			parents.add(parent);
		}
		long[] intended = new long[n];
		long[] committed = new long[n];
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		paced(n, intended, i -> tx.executeWithoutResult(status -> {
			UUID reply = UUID.randomUUID();
			this.comments.add(new Comment(reply, discussion, section, null, null, parents.get(i), replier, "A reply.",
					CommentState.PUBLISHED, 0, OffsetDateTime.now()));
			UUID messageId = UUID.randomUUID();
			this.outbox.enqueue(messageId, Topology.WORK_EXCHANGE, Topology.REPLY_POSTED,
					new ReplyPosted(messageId, reply, parents.get(i), discussion));
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					committed[i] = System.nanoTime();
				}
			});
			web.relayAfterCommit();
		}));
		return collect(tag, n, intended, committed);
	}

	/**
	 * The same number of messages straight from Jakarta Mail over one reused connection,
	 * same pace.
	 */
	private Latencies raw(String run) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(smtp.port()));
		Session session = Session.getInstance(properties);
		String tag = "raw-" + run;
		long[] intended = new long[REPLIES];
		long[] started = new long[REPLIES];
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect();
			paced(REPLIES, intended, i -> {
				try {
					InternetAddress to = new InternetAddress(author(tag, i));
					MimeMessage message = new MimeMessage(session);
					message.setFrom(new InternetAddress("notifications@parley.local"));
					message.setRecipient(MimeMessage.RecipientType.TO, to);
					message.setSubject("Re: Your comment on 1. Goals", "UTF-8");
					message.setText("Someone replied to your comment.\n\n> A reply.\n", "UTF-8");
					message.saveChanges();
					started[i] = System.nanoTime();
					transport.sendMessage(message, new Address[] { to });
				}
				catch (jakarta.mail.MessagingException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		return collect(tag, REPLIES, intended, started);
	}

	/**
	 * Runs {@code task(i)} at {@code start + i / rate} on one scheduler thread, open
	 * loop.
	 */
	private static void paced(int n, long[] intended, java.util.function.IntConsumer task) throws Exception {
		ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
		CountDownLatch done = new CountDownLatch(n);
		long period = 1_000_000_000L / PER_SECOND;
		long start = System.nanoTime() + 100_000_000L;
		for (int i = 0; i < n; i++) {
			int index = i;
			intended[i] = start + i * period;
			pacer.schedule(() -> {
				try {
					task.accept(index);
				}
				finally {
					done.countDown();
				}
			}, intended[i] - System.nanoTime(), TimeUnit.NANOSECONDS);
		}
		assertThat(done.await(n / PER_SECOND + 120, TimeUnit.SECONDS)).isTrue();
		pacer.shutdown();
	}

	private static Latencies collect(String tag, int n, long[] intended, long[] from) {
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() -> {
			for (int i = 0; i < n; i++) {
				if (acceptances.at(author(tag, i)) == null) {
					return false;
				}
			}
			return true;
		});
		double[] fromStart = new double[n];
		double[] fromIntended = new double[n];
		for (int i = 0; i < n; i++) {
			long accepted = acceptances.at(author(tag, i));
			fromStart[i] = (accepted - from[i]) / 1e6;
			fromIntended[i] = (accepted - intended[i]) / 1e6;
		}
		return new Latencies(fromStart, fromIntended);
	}

	private static String author(String tag, int i) {
		return "author" + i + "-" + tag + "@bench.test";
	}

	private record Latencies(double[] fromStart, double[] fromIntended) {

		Latencies {
			Arrays.sort(fromStart);
			Arrays.sort(fromIntended);
		}

		int count() {
			return this.fromStart.length;
		}

		double p(double q) {
			return percentile(this.fromStart, q);
		}

		void print(String what) {
			line(what, this.fromStart);
		}

		void printFromIntended(String what) {
			line(what, this.fromIntended);
		}

		private static void line(String what, double[] sorted) {
			System.out.printf("  %-44s %9.1f %9.1f %9.1f%n", what, percentile(sorted, 0.5), percentile(sorted, 0.99),
					sorted[sorted.length - 1]);
		}

		private static double percentile(double[] sorted, double q) {
			return sorted[Math.max(0, (int) Math.ceil(sorted.length * q) - 1)];
		}

	}

	/**
	 * The web's side of a reply, as its {@code OutboxSchedule} does it: a relay of its
	 * own over the shared outbox table, run on one thread right after each commit and
	 * every second.
	 */
	private static final class WebSide implements AutoCloseable {

		private final OutboxRelay relay;

		private final ExecutorService afterCommit = Executors.newSingleThreadExecutor();

		private final ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor();

		WebSide(OutboxRelay relay) {
			this.relay = relay;
			this.poll.scheduleWithFixedDelay(relay::publishDue, 1, 1, TimeUnit.SECONDS);
		}

		void relayAfterCommit() {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					WebSide.this.afterCommit.execute(WebSide.this.relay::publishDue);
				}
			});
		}

		@Override
		public void close() {
			this.afterCommit.shutdownNow();
			this.poll.shutdownNow();
		}

	}

	/**
	 * Publishes persistent and waits for the broker's confirm, as the web's publisher
	 * does.
	 */
	private record ConfirmingPublisher(RabbitTemplate rabbit) implements org.parley.domain.outbox.MessagePublisher {

		@Override
		public void publish(OutboxMessage outboxMessage) {
			CorrelationData correlation = new CorrelationData(outboxMessage.id().toString());
			try {
				this.rabbit.send(outboxMessage.exchange(), outboxMessage.routingKey(),
						MessageBuilder.withBody(outboxMessage.payload().getBytes(StandardCharsets.UTF_8))
							.setContentType(MessageProperties.CONTENT_TYPE_JSON)
							.setMessageId(outboxMessage.id().toString())
							.setType(outboxMessage.messageType())
							.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
							.build(),
						correlation);
				if (!correlation.getFuture().get(10, TimeUnit.SECONDS).ack()) {
					throw new PublishFailed("nacked");
				}
			}
			catch (AmqpException | ExecutionException | TimeoutException ex) {
				throw new PublishFailed("not confirmed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PublishFailed("interrupted", ex);
			}
		}

	}

	/**
	 * When the SMTP server answered 250 to each message's data: the time per recipient
	 * for the measured ones, a count for the invitations.
	 */
	static final class Acceptances implements Consumer<String> {

		private final Map<String, Long> times = new ConcurrentHashMap<>();

		private final AtomicLong invitations = new AtomicLong();

		@Override
		public void accept(String recipient) {
			if (recipient != null && recipient.startsWith("author")) {
				this.times.putIfAbsent(recipient, System.nanoTime());
			}
			else {
				this.invitations.incrementAndGet();
			}
		}

		Long at(String recipient) {
			return this.times.get(recipient);
		}

		long invitations() {
			return this.invitations.get();
		}

	}

}

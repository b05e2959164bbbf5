package org.parley.invite.fanout;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.domain.invitation.FanOutState;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.messaging.Topology;
import org.parley.domain.outbox.Outbox;
import org.parley.domain.outbox.OutboxSchedule;
import org.parley.invite.InvitationDeliveryIntegrationTestsSupport;
import org.parley.invite.InvitationFixtures;
import org.parley.invite.InviteWorkerIntegrationTest;
import org.parley.invite.MailCatcher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@InviteWorkerIntegrationTest
@org.springframework.context.annotation.Import(FanOutRestartIntegrationTests.Crash.class)
class FanOutRestartIntegrationTests {

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
	CrashingOutbox outbox;

	@Autowired
	ApplicationContext context;

	@Autowired
	FanOutRunner runner;

	@Autowired
	InvitationBatchRepository batches;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fanOutStoppedMidwayAndRestartedGivesOneRowAndOneEmailPerInvitee() {
		InvitationFixtures fixtures = new InvitationFixtures(this.context);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		StringBuilder csv = new StringBuilder("email,name\n");
		Set<String> valid = new HashSet<>();
		for (int i = 0; i < 500; i++) {
			String address = "restart" + i + "-" + tag + "@example.org";
			valid.add(address);
			csv.append(address).append(",Invitee ").append(i).append('\n');
			if (i % 50 == 0) {
				csv.append(address.toUpperCase()).append('\n');
			}
		}
		UUID batchId = fixtures.store(fixtures.discussion("Restart"), csv.toString(), null, false);
		// The third chunk's transaction dies as a crashed worker's would: after its rows,
		// before commit.
		// Only this test's run counts: on a shared broker, workers may fan out other
		// batches meanwhile.
		this.outbox.crashOnChunk(3, Thread.currentThread());

		this.runner.run(batchId);

		assertThat(rows(batchId)).isEqualTo(200);
		assertThat(this.batches.findById(batchId).orElseThrow().fanOut()).isEqualTo(FanOutState.RUNNING);

		this.outbox.stopCrashing();
		this.runner.run(batchId);

		assertThat(rows(batchId)).isEqualTo(510);
		assertThat(this.jdbc.sql("select count(distinct line) from invitation_delivery where batch_id = :b")
			.param("b", batchId)
			.query(Integer.class)
			.single()).isEqualTo(510);
		fixtures.awaitFinished(batchId, Duration.ofSeconds(60));
		InvitationBatch batch = this.batches.findById(batchId).orElseThrow();
		assertThat(this.batches.counts(batch).sent()).isEqualTo(500);
		assertThat(this.batches.counts(batch).duplicates()).isEqualTo(10);
		Map<String, Long> received = InvitationDeliveryIntegrationTestsSupport.recipients(mail.getReceivedMessages(),
				tag);
		assertThat(received.keySet()).isEqualTo(valid);
		assertThat(received.values()).allMatch(n -> n == 1);
	}

	/**
	 * The real outbox, which fails one chosen chunk of one thread's fan-out. A subclass
	 * rather than a Mockito spy: the relay and sweeps call the outbox on other threads
	 * all the time, and stubbing a spy while they do is a race.
	 */
	static class CrashingOutbox extends Outbox {

		private final AtomicInteger chunks = new AtomicInteger();

		private volatile int crashOn;

		private volatile Thread thread;

		CrashingOutbox(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock,
				ObjectProvider<OutboxSchedule> schedule) {
			super(jdbc, batch, clock, schedule);
		}

		void crashOnChunk(int chunk, Thread onThread) {
			this.chunks.set(0);
			this.crashOn = chunk;
			this.thread = onThread;
		}

		void stopCrashing() {
			this.thread = null;
		}

		@Override
		public void enqueueAll(String exchange, String routingKey, Map<UUID, ?> messages) {
			if (Thread.currentThread() == this.thread && Topology.SEND_INVITATION.equals(routingKey)
					&& this.chunks.incrementAndGet() == this.crashOn) {
				throw new DataAccessResourceFailureException("worker killed");
			}
			super.enqueueAll(exchange, routingKey, messages);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Crash {

		@Bean
		@Primary
		CrashingOutbox crashingOutbox(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock,
				ObjectProvider<OutboxSchedule> schedule) {
			return new CrashingOutbox(jdbc, batch, clock, schedule);
		}

	}

	private int rows(UUID batchId) {
		return this.jdbc.sql("select count(*) from invitation_delivery where batch_id = :b")
			.param("b", batchId)
			.query(Integer.class)
			.single();
	}

}

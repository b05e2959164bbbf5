package org.parley.invite.fanout;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.domain.invitation.FanOutState;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.domain.invitation.InvitationBatchState;
import org.parley.domain.messaging.Topology;
import org.parley.domain.outbox.Outbox;
import org.parley.domain.test.TestInfrastructure;
import org.parley.invite.InvitationDeliveryIntegrationTestsSupport;
import org.parley.invite.InvitationFixtures;
import org.parley.invite.InviteWorkerIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;

/*
 * The scheduled outbox relay calls the Outbox spy on its own thread; a call of its landing between
 * doAnswer(...).when(outbox) and the stubbed method takes the stub (UnfinishedStubbingException).
 * Here the relay runs after each commit only, so nothing else touches the spy while it is stubbed.
 */
@InviteWorkerIntegrationTest
@TestPropertySource(properties = "parley.outbox.poll-interval=1h")
class FanOutRestartIntegrationTests {

	static final GreenMail mail = new GreenMail(
			new ServerSetup(InvitationDeliveryIntegrationTestsSupport.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

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

	@MockitoSpyBean
	Outbox outbox;

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
		// The third chunk's transaction dies as a crashed worker's would: after its rows, before commit.
		AtomicBoolean crash = new AtomicBoolean(true);
		AtomicInteger chunks = new AtomicInteger();
		// Only this test's run counts: on a shared broker, workers may fan out other batches meanwhile.
		Thread testThread = Thread.currentThread();
		doAnswer(invocation -> {
			if (crash.get() && Thread.currentThread() == testThread && chunks.incrementAndGet() == 3) {
				throw new DataAccessResourceFailureException("worker killed");
			}
			return invocation.callRealMethod();
		}).when(this.outbox).enqueueAll(eq(Topology.WORK_EXCHANGE), eq(Topology.SEND_INVITATION), any(Map.class));

		this.runner.run(batchId);

		assertThat(rows(batchId)).isEqualTo(200);
		assertThat(this.batches.findById(batchId).orElseThrow().fanOut()).isEqualTo(FanOutState.RUNNING);

		crash.set(false);
		this.runner.run(batchId);

		assertThat(rows(batchId)).isEqualTo(510);
		assertThat(this.jdbc.sql("select count(distinct line) from invitation_delivery where batch_id = :b")
			.param("b", batchId)
			.query(Integer.class)
			.single()).isEqualTo(510);
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			InvitationBatch batch = this.batches.findById(batchId).orElseThrow();
			return this.batches.counts(batch).state(batch.fanOut()) == InvitationBatchState.SUCCEEDED;
		});
		InvitationBatch batch = this.batches.findById(batchId).orElseThrow();
		assertThat(this.batches.counts(batch).sent()).isEqualTo(500);
		assertThat(this.batches.counts(batch).duplicates()).isEqualTo(10);
		Map<String, Long> received = InvitationDeliveryIntegrationTestsSupport.recipients(mail.getReceivedMessages(), tag);
		assertThat(received.keySet()).isEqualTo(valid);
		assertThat(received.values()).allMatch(n -> n == 1);
	}

	private int rows(UUID batchId) {
		return this.jdbc.sql("select count(*) from invitation_delivery where batch_id = :b")
			.param("b", batchId)
			.query(Integer.class)
			.single();
	}

}

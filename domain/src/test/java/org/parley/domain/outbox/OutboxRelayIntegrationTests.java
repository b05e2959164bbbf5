package org.parley.domain.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.domain.messaging.ImportRequested;
import org.parley.domain.test.TestInfrastructure;
import org.parley.domaintests.DomainTestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = DomainTestApplication.class)
class OutboxRelayIntegrationTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void messageWaitsWhileTheBrokerIsDownAndIsPublishedOnceItIsBack() {
		UUID id = UUID.randomUUID();
		this.outbox.enqueue(id, "parley.work", "parley.import.requested",
				new ImportRequested(id, UUID.randomUUID(), java.time.OffsetDateTime.now()));
		List<UUID> confirmed = new ArrayList<>();
		boolean[] brokerUp = { false };
		OutboxRelay relay = new OutboxRelay(this.outbox, message -> {
			if (!brokerUp[0]) {
				throw new PublishFailed("connection refused");
			}
			confirmed.add(message.id());
		});

		relay.publishDue();
		assertThat(confirmed).isEmpty();
		assertThat(published(id)).isFalse();
		assertThat(attempts(id)).isEqualTo(1);

		brokerUp[0] = true;
		this.jdbc.sql("update outbox_message set next_attempt_at = created_at where id = :id").param("id", id).update();
		relay.publishDue();

		assertThat(confirmed).contains(id);
		assertThat(published(id)).isTrue();
		confirmed.clear();
		relay.publishDue();
		assertThat(confirmed).doesNotContain(id);
	}

	@Test
	void aMessageWrittenAloneIsRelayedBeforeAnEarlierBundleAndTheBundleWhole() {
		List<UUID> confirmed = new ArrayList<>();
		OutboxRelay relay = new OutboxRelay(this.outbox, message -> confirmed.add(message.id()));
		relay.publishDue(); // whatever earlier tests left
		Map<UUID, ImportRequested> backlog = new LinkedHashMap<>();
		for (int i = 0; i < 250; i++) {
			UUID id = UUID.randomUUID();
			backlog.put(id, new ImportRequested(id, UUID.randomUUID(), java.time.OffsetDateTime.now()));
		}
		this.outbox.enqueueAll("parley.work", "parley.invitation.send", backlog);
		UUID single = UUID.randomUUID();
		this.outbox.enqueue(single, "parley.work", "parley.reply.posted",
				new ImportRequested(single, UUID.randomUUID(), java.time.OffsetDateTime.now()));
		confirmed.clear();

		relay.publishDue();

		assertThat(confirmed).as("the single message, then the bundle whole").hasSize(251).first().isEqualTo(single);
		assertThat(confirmed).containsAll(backlog.keySet());
		assertThat(this.jdbc
			.sql("select count(*) from outbox_message where routing_key = 'parley.invitation.send'"
					+ " and published_at is null")
			.query(Integer.class)
			.single()).isZero();
		confirmed.clear();
		relay.publishDue();
		assertThat(confirmed).as("a bundle is marked published once all its messages are confirmed").isEmpty();
	}

	@Test
	void aPageTakesWholeBundlesUntilItHoldsTheLimitInTheirOrder() {
		OutboxRelay drain = new OutboxRelay(this.outbox, message -> {
		});
		while (drain.publishDue() > 0) {
			// whatever earlier tests left
		}
		List<Map<UUID, ImportRequested>> bundles = new ArrayList<>();
		java.time.OffsetDateTime written = java.time.OffsetDateTime.now().minusMinutes(1);
		for (int b = 0; b < 3; b++) {
			Map<UUID, ImportRequested> bundle = new LinkedHashMap<>();
			for (int i = 0; i < 150; i++) {
				UUID id = UUID.randomUUID();
				bundle.put(id, new ImportRequested(id, UUID.randomUUID(), java.time.OffsetDateTime.now()));
			}
			this.outbox.enqueueAll("parley.work", "parley.invitation.send", bundle);
			bundles.add(bundle);
			// Each bundle written a second after the one before, as a fan-out's chunks
			// are.
			this.jdbc.sql("update outbox_message set created_at = :at where payload like :first")
				.param("at", written.plusSeconds(b))
				.param("first", "%" + bundle.keySet().iterator().next() + "%")
				.update();
		}

		List<OutboxMessage> page = this.outbox.due(200);

		assertThat(page).as("the first bundle leaves the page short of 200: the second joins it whole").hasSize(300);
		assertThat(page.stream().map(OutboxMessage::id).toList())
			.containsExactlyElementsOf(concat(bundles.get(0).keySet(), bundles.get(1).keySet()));
		assertThat(page.stream().map(OutboxMessage::rowId).distinct()).hasSize(2);
		while (drain.publishDue() > 0) {
			// leaves nothing for the next test
		}
	}

	private static List<UUID> concat(java.util.Collection<UUID> first, java.util.Collection<UUID> second) {
		List<UUID> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	@Test
	void aBundleWithAMessageNotConfirmedIsPublishedAgainWhole() {
		new OutboxRelay(this.outbox, message -> {
		}).publishDue(); // whatever earlier tests left
		Map<UUID, ImportRequested> bundle = new LinkedHashMap<>();
		for (int i = 0; i < 3; i++) {
			UUID id = UUID.randomUUID();
			bundle.put(id, new ImportRequested(id, UUID.randomUUID(), java.time.OffsetDateTime.now()));
		}
		this.outbox.enqueueAll("parley.work", "parley.invitation.send", bundle);
		UUID refused = new ArrayList<>(bundle.keySet()).get(1);
		List<UUID> confirmed = new ArrayList<>();
		boolean[] refusing = { true };
		OutboxRelay relay = new OutboxRelay(this.outbox, message -> {
			if (refusing[0] && message.id().equals(refused)) {
				throw new PublishFailed("nacked");
			}
			confirmed.add(message.id());
		});

		relay.publishDue();
		assertThat(confirmed).hasSize(1);
		assertThat(this.outbox.pendingCount()).as("the bundle's three, still due").isEqualTo(3);
		assertThat(this.jdbc.sql("select attempts from outbox_message where published_at is null")
			.query(Integer.class)
			.single()).isEqualTo(1);

		refusing[0] = false;
		confirmed.clear();
		this.jdbc.sql("update outbox_message set next_attempt_at = created_at where published_at is null").update();
		relay.publishDue();
		assertThat(confirmed).containsExactlyElementsOf(bundle.keySet());
		assertThat(this.outbox.pendingCount()).isZero();
	}

	@Test
	void aCallDuringARunningRoundIsServedByThatRoundNotLost() throws Exception {
		new OutboxRelay(this.outbox, message -> {
		}).publishDue(); // whatever earlier tests left
		CountDownLatch publishing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<UUID> confirmed = new CopyOnWriteArrayList<>();
		OutboxRelay relay = new OutboxRelay(this.outbox, message -> {
			publishing.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			confirmed.add(message.id());
		});
		UUID first = UUID.randomUUID();
		this.outbox.enqueue(first, "parley.work", "parley.reply.posted",
				new ImportRequested(first, UUID.randomUUID(), java.time.OffsetDateTime.now()));
		ExecutorService round = Executors.newSingleThreadExecutor();
		Future<Integer> running = round.submit(relay::publishDue);
		assertThat(publishing.await(5, TimeUnit.SECONDS)).isTrue();

		UUID second = UUID.randomUUID();
		this.outbox.enqueue(second, "parley.work", "parley.reply.posted",
				new ImportRequested(second, UUID.randomUUID(), java.time.OffsetDateTime.now()));
		assertThat(relay.publishDue()).isZero(); // the round is busy: this call does not
													// wait
		release.countDown();

		assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo(2);
		assertThat(confirmed).containsExactly(first, second);
		round.shutdown();
	}

	@Test
	void backoffGrowsAndStaysBounded() {
		assertThat(OutboxRelay.backoff(0)).isLessThanOrEqualTo(Duration.ofMillis(200));
		assertThat(OutboxRelay.backoff(5)).isBetween(Duration.ofMillis(3200), Duration.ofMillis(6400));
		assertThat(OutboxRelay.backoff(40)).isLessThanOrEqualTo(Duration.ofMinutes(1));
	}

	private boolean published(UUID id) {
		return this.jdbc.sql("select count(*) from outbox_message where id = :id and published_at is not null")
			.param("id", id)
			.query(Integer.class)
			.single() == 1;
	}

	private int attempts(UUID id) {
		return this.jdbc.sql("select attempts from outbox_message where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

}

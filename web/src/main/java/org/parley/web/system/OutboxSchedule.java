package org.parley.web.system;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.parley.domain.outbox.OutboxRelay;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When the outbox is relayed: right after a transaction that wrote to it commits, so a
 * request is on the broker within milliseconds, and every second, for what failed before.
 */
@Component
public class OutboxSchedule implements DisposableBean {

	private final OutboxRelay relay;

	private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "outbox-relay");
		t.setDaemon(true);
		return t;
	});

	private final AtomicBoolean waiting = new AtomicBoolean();

	OutboxSchedule(OutboxRelay relay) {
		this.relay = relay;
	}

	/**
	 * Relays the outbox once the current transaction has committed. Commits that come
	 * while a relay is already waiting to run share it: one round publishes everything
	 * due, so a burst of comments costs a few rounds instead of one outbox query per
	 * comment.
	 */
	public void relayAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				if (OutboxSchedule.this.waiting.compareAndSet(false, true)) {
					OutboxSchedule.this.afterCommit.execute(() -> {
						// Cleared before the round, so a commit during it queues the next
						// one.
						OutboxSchedule.this.waiting.set(false);
						OutboxSchedule.this.relay.publishDue();
					});
				}
			}
		});
	}

	@Scheduled(fixedDelayString = "${parley.outbox.poll-interval:1s}")
	void relayDue() {
		this.relay.publishDue();
	}

	@Override
	public void destroy() {
		this.afterCommit.shutdown();
	}

}

package org.parley.web.system;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.parley.domain.outbox.OutboxRelay;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When the outbox is relayed: right after a transaction that wrote to it commits, so a request is
 * on the broker within milliseconds, and every second, for what failed before.
 */
@Component
public class OutboxSchedule implements DisposableBean {

	private final OutboxRelay relay;

	private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "outbox-relay");
		t.setDaemon(true);
		return t;
	});

	OutboxSchedule(OutboxRelay relay) {
		this.relay = relay;
	}

	/** Relays the outbox once the current transaction has committed. */
	public void relayAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				OutboxSchedule.this.afterCommit.execute(OutboxSchedule.this.relay::publishDue);
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

package org.parley.invite.messaging;

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
 * When the outbox is relayed: after a transaction that wrote to it commits, and on a
 * short schedule for what failed before. A fan-out writes messages by the thousand, so a
 * round keeps going while it finds full pages; commits that arrive meanwhile ask for one
 * more round only.
 */
@Component
public class OutboxSchedule implements DisposableBean {

	private final OutboxRelay relay;

	private final AtomicBoolean roundRequested = new AtomicBoolean();

	private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "invite-outbox-relay");
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
				if (OutboxSchedule.this.roundRequested.compareAndSet(false, true)) {
					OutboxSchedule.this.afterCommit.execute(OutboxSchedule.this::relayAll);
				}
			}
		});
	}

	@Scheduled(fixedDelayString = "${parley.outbox.poll-interval:1s}")
	void relayDue() {
		relayAll();
	}

	private void relayAll() {
		this.roundRequested.set(false);
		while (this.relay.publishDue() >= OutboxRelay.PAGE) {
			// a full page: more are waiting
		}
	}

	@Override
	public void destroy() {
		this.afterCommit.shutdown();
	}

}

package org.parley.domain.outbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When the outbox is relayed, in every process that relays (each declares one bean of it
 * beside its {@link OutboxRelay}): right after a transaction that wrote to it commits, so
 * a request is on the broker within milliseconds, and every
 * {@code parley.outbox.poll-interval} (1 s) for what failed before. Commits that come
 * while a round is already waiting share it: one round publishes everything due, and
 * keeps going while it finds full pages (a fan-out writes messages by the thousand), so a
 * burst of comments costs a few rounds instead of one outbox query per comment. The flag
 * is cleared before the round reads, so a commit during it asks for the next one.
 * {@link Outbox#send} asks for it; nobody calls it by hand.
 */
public class OutboxSchedule implements DisposableBean {

	private final OutboxRelay relay;

	private final AtomicBoolean roundRequested = new AtomicBoolean();

	private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "outbox-relay");
		t.setDaemon(true);
		return t;
	});

	public OutboxSchedule(OutboxRelay relay) {
		this.relay = relay;
	}

	/**
	 * Relays the outbox once the current transaction has committed; at once without one.
	 */
	void relayAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			requestRound();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				requestRound();
			}
		});
	}

	private void requestRound() {
		if (this.roundRequested.compareAndSet(false, true)) {
			this.afterCommit.execute(this::relayAll);
		}
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

package org.parley.invite.delivery;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.parley.domain.invitation.DeliveryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger as the queue ({@code parley.invitation.delivery.queue=ledger}, ADR 0025):
 * {@link DeliverySettings#consumers()} threads each reserve a take of due rows
 * ({@link DeliveryRepository#reserveDue}) and send them with the same
 * {@link InvitationSender} as the message consumers, one commit per invitee. Waiting
 * invitees are rows, so they cost the broker nothing: a million invitees behind a slow
 * relay are a million rows, not a million messages in the broker's heap. A consumer that
 * finds nothing due waits until a fan-out chunk commits on this worker ({@link #nudge})
 * or a second has passed, which is how it finds the rows of other workers' fan-outs and
 * retries that came due. A reservation is a due time pushed one lease ahead, so the rows
 * of a consumer that died are due again after it, and the claim of each row stays the
 * conditional one of the message path: however many consumers reserve a row, it is sent
 * once.
 */
@Component
public class LedgerQueue implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LedgerQueue.class);

	private static final long IDLE_POLL_MILLIS = 1000;

	private final DeliveryRepository deliveries;

	private final InvitationSender sender;

	private final DeliverySettings settings;

	private final Clock clock;

	private final boolean skipLocked;

	/** Reservations on H2, one at a time: it cannot skip locked rows before its limit. */
	private static final Object RESERVING = new Object();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition work = this.lock.newCondition();

	private long nudges;

	private final List<Thread> consumers = new ArrayList<>();

	private volatile boolean running;

	LedgerQueue(DeliveryRepository deliveries, InvitationSender sender, DeliverySettings settings, DataSource data,
			Clock clock) throws MetaDataAccessException {
		this.deliveries = deliveries;
		this.sender = sender;
		this.settings = settings;
		this.clock = clock;
		String product = JdbcUtils.extractDatabaseMetaData(data, DatabaseMetaData::getDatabaseProductName);
		this.skipLocked = product != null && product.toLowerCase().contains("postgres");
	}

	/** After the current transaction commits: rows are due, wake the consumers. */
	public void nudgeAfterCommit() {
		if (!this.settings.ledgerQueue()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			nudge();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				nudge();
			}
		});
	}

	void nudge() {
		this.lock.lock();
		try {
			this.nudges++;
			this.work.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void consume() {
		while (this.running) {
			long seen;
			this.lock.lock();
			try {
				seen = this.nudges;
			}
			finally {
				this.lock.unlock();
			}
			List<UUID> take;
			try {
				take = reserve();
			}
			catch (DataAccessException ex) {
				log.warn("Could not reserve due invitations; trying again in a second: {}", ex.getMessage());
				take = List.of();
			}
			if (!take.isEmpty()) {
				try {
					this.sender.sendAll(take);
				}
				catch (DataAccessException ex) {
					// The reserved rows come due again after the lease; their claims are
					// conditional.
					log.warn("A take of {} invitations stopped: {}", take.size(), ex.getMessage());
					idle(seen);
				}
				continue;
			}
			idle(seen);
		}
	}

	private List<UUID> reserve() {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		OffsetDateTime until = now.plus(this.settings.lease());
		if (this.skipLocked) {
			return this.deliveries.reserveDue(now, this.settings.batchSize(), until, true);
		}
		synchronized (RESERVING) {
			return this.deliveries.reserveDue(now, this.settings.batchSize(), until, false);
		}
	}

	/** Waits for a nudge after {@code seen}, or a second. */
	private void idle(long seen) {
		this.lock.lock();
		try {
			if (this.nudges == seen && this.running) {
				this.work.await(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void start() {
		if (!this.settings.ledgerQueue() || this.running) {
			return;
		}
		this.running = true;
		for (int i = 0; i < this.settings.consumers(); i++) {
			Thread consumer = new Thread(this::consume, "ledger-queue-" + i);
			consumer.setDaemon(true);
			this.consumers.add(consumer);
			consumer.start();
		}
		log.info("Sending invitations from the ledger with {} consumers", this.settings.consumers());
	}

	@Override
	public void stop() {
		this.running = false;
		nudge();
		for (Thread consumer : this.consumers) {
			consumer.interrupt();
		}
		for (Thread consumer : this.consumers) {
			try {
				consumer.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.consumers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After the database and the SMTP pools, before them on the way down. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

}

package org.parley.domain.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes due outbox messages a page at a time, each confirmed before it is marked. A failure backs
 * the message off exponentially with jitter and stops the round: when the broker is down, the
 * rest would fail too. Several relays may run at once (one per process); a message published
 * twice in that race is deduplicated by its consumers on the message id.
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

	/** Messages published together, their confirms awaited together. */
	public static final int PAGE = 200;

	private final Outbox outbox;

	private final MessagePublisher publisher;

	private final ReentrantLock running = new ReentrantLock();

	private final AtomicBoolean requested = new AtomicBoolean();

	public OutboxRelay(Outbox outbox, MessagePublisher publisher) {
		this.outbox = outbox;
		this.publisher = publisher;
	}

	/**
	 * Publishes a page of due messages. A call that finds another round running does not wait and
	 * is not lost either: the running round does one more page once it is done, so a message
	 * written while a campaign's page was being published goes out after the message in flight, not
	 * after the page, nor at the next poll.
	 * @return how many messages were published
	 */
	public int publishDue() {
		this.requested.set(true);
		int published = 0;
		while (this.requested.get() && this.running.tryLock()) {
			try {
				this.requested.set(false);
				published += publishPage();
			}
			finally {
				this.running.unlock();
			}
		}
		return published;
	}

	/**
	 * One page, published together and confirmed together (the broker confirms a pipeline much
	 * faster than one message at a time). Single rows come before bulk rows in {@link Outbox#due},
	 * so a message that arrives during a campaign waits one page at most.
	 */
	private int publishPage() {
		List<OutboxMessage> due = this.outbox.due(PAGE);
		if (due.isEmpty()) {
			return 0;
		}
		Confirmations confirmations = this.publisher.publishAll(due);
		// Marked only once confirmed: a crash before this line publishes them again, and the
		// consumers drop the second copy by its message id.
		this.outbox.markPublished(confirmations.confirmed());
		for (OutboxMessage message : due) {
			PublishFailed failure = confirmations.failed().get(message.id());
			if (failure != null) {
				Duration backoff = backoff(message.attempts());
				log.warn("Outbox message {} not confirmed (attempt {}), retrying in {}: {}", message.id(),
						message.attempts() + 1, backoff, failure.getMessage());
				this.outbox.markFailed(message.id(), failure.getMessage(), backoff);
			}
		}
		if (!confirmations.failed().isEmpty()) {
			// A failure ends the round: when the broker is down, the next page would fail too.
			this.requested.set(false);
		}
		return confirmations.confirmed().size();
	}

	static Duration backoff(int attempts) {
		long base = 200L << Math.min(attempts, 12);
		long capped = Math.min(base, MAX_BACKOFF.toMillis());
		return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
	}

}

package org.parley.domain.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes due outbox messages a page at a time, each confirmed before it is marked. A
 * failure backs the message off exponentially with jitter and stops the round: when the
 * broker is down, the rest would fail too. Several relays may run at once (one per
 * process); a message published twice in that race is deduplicated by its consumers on
 * the message id.
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
	 * Publishes a page of due messages. A call that finds another round running does not
	 * wait and is not lost either: the running round does one more page once it is done,
	 * so a message written while a campaign's page was being published goes out after the
	 * message in flight, not after the page, nor at the next poll.
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
	 * One page, published together and confirmed together (the broker confirms a pipeline
	 * much faster than one message at a time). Single rows come before bulk rows in
	 * {@link Outbox#due}, so a message that arrives during a campaign waits one page at
	 * most.
	 */
	private int publishPage() {
		List<OutboxMessage> due = this.outbox.due(PAGE);
		if (due.isEmpty()) {
			return 0;
		}
		Confirmations confirmations = this.publisher.publishAll(due);
		Set<UUID> confirmed = new HashSet<>(confirmations.confirmed());
		Map<UUID, List<OutboxMessage>> rows = due.stream()
			.collect(Collectors.groupingBy(OutboxMessage::rowId, LinkedHashMap::new, Collectors.toList()));
		List<UUID> published = new ArrayList<>();
		rows.forEach((rowId, messages) -> {
			if (messages.stream().allMatch((message) -> confirmed.contains(message.id()))) {
				published.add(rowId);
			}
		});
		// Marked only once confirmed, a bundle once all its messages are: a crash before
		// this line
		// publishes them again, and the consumers drop the second copy.
		this.outbox.markPublished(published);
		rows.forEach((rowId, messages) -> messages.stream()
			.map((message) -> confirmations.failed().get(message.id()))
			.filter(Objects::nonNull)
			.findFirst()
			.ifPresent((failure) -> {
				Duration backoff = backoff(messages.get(0).attempts());
				log.warn("Outbox row {} ({} messages) not confirmed (attempt {}), retrying in {}: {}", rowId,
						messages.size(), messages.get(0).attempts() + 1, backoff, failure.getMessage());
				this.outbox.markFailed(rowId, failure.getMessage(), backoff);
			}));
		if (!confirmations.failed().isEmpty()) {
			// A failure ends the round: when the broker is down, the next page would fail
			// too.
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

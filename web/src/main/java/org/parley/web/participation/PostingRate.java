package org.parley.web.participation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.parley.web.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * How fast one participant may post: a sliding minute per participant, in this web
 * instance. A flood from one account stops here; several instances each allow the rate,
 * which still bounds it.
 */
@Component
class PostingRate {

	private static final long WINDOW_NANOS = 60_000_000_000L;

	private final Map<UUID, Deque<Long>> recent = new ConcurrentHashMap<>();

	private final ParticipationSettings settings;

	PostingRate(ParticipationSettings settings) {
		this.settings = settings;
	}

	void acquire(UUID participantId) {
		long now = System.nanoTime();
		Deque<Long> times = this.recent.computeIfAbsent(participantId, id -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && now - times.peekFirst() > WINDOW_NANOS) {
				times.pollFirst();
			}
			if (times.size() >= this.settings.postsPerMinute()) {
				throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Slow down",
						"You are posting very quickly. Please wait a minute before posting again.");
			}
			times.addLast(now);
		}
	}

}

package org.parley.web.participation;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.parley.web.system.ProblemException;

import org.springframework.stereotype.Component;

/**
 * How many magic links one client, and all clients together, may ask for: hourly windows
 * in this web instance. The per-address limit lives in the database (it holds across
 * instances); these two stop one client from mailing many addresses and everyone together
 * from making Parley a mail cannon. A window's counters are dropped when it ends, so the
 * memory is that of the clients of one hour.
 */
@Component
class SignInRate {

	private final ParticipationSettings settings;

	private final Clock clock;

	private volatile Window window;

	SignInRate(ParticipationSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.window = new Window(hour());
	}

	/**
	 * Counts one request of the client.
	 * @throws ProblemException RATE_LIMITED (429) when the client or everyone has asked
	 * for enough links this hour
	 */
	void acquire(String client) {
		Window current = current();
		int mine = current.perClient.computeIfAbsent((client != null) ? client : "", c -> new AtomicInteger())
			.incrementAndGet();
		if (mine > this.settings.signInLinksPerClientPerHour()
				|| current.total.incrementAndGet() > this.settings.signInLinksPerHourInTotal()) {
			throw SignInLinks.rateLimited();
		}
	}

	private Window current() {
		long hour = hour();
		Window current = this.window;
		if (current.hour != hour) {
			synchronized (this) {
				if (this.window.hour != hour) {
					this.window = new Window(hour);
				}
				current = this.window;
			}
		}
		return current;
	}

	private long hour() {
		return Instant.now(this.clock).getEpochSecond() / 3600;
	}

	private static final class Window {

		private final long hour;

		private final ConcurrentHashMap<String, AtomicInteger> perClient = new ConcurrentHashMap<>();

		private final AtomicInteger total = new AtomicInteger();

		Window(long hour) {
			this.hour = hour;
		}

	}

}

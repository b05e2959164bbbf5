package org.parley.web.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Who may try a password now. Per account: {@link LoginSettings#maxFailures()} wrong
 * passwords within the window lock it, for a period that doubles with each lockout until
 * a right password; attempts in flight count as failures until they end, so a burst of
 * parallel guesses cannot slip past the limit. Per client address: a token bucket,
 * charged before each check and refunded when the password was right, so a script that
 * signs in on every request is never slowed. Refused attempts run no bcrypt.
 * <p>
 * The state lives in this process: with several web instances, each counts for itself, so
 * an attacker gets at most that many times the limit.
 */
@Component
public class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/** Above this many tracked accounts or clients, idle entries are dropped. */
	private static final int TIDY_ABOVE = 10_000;

	private final LoginSettings settings;

	private final Clock clock;

	private final Map<String, AccountState> accounts = new ConcurrentHashMap<>();

	private final Map<String, ClientBucket> clients = new ConcurrentHashMap<>();

	private final Counter failures;

	private final Counter lockouts;

	private final Counter lockedRefusals;

	private final Counter clientRefusals;

	LoginThrottle(LoginSettings settings, Clock clock, MeterRegistry meters) {
		this.settings = settings;
		this.clock = clock;
		this.failures = Counter.builder("parley.login.failures")
			.description("Organiser sign-ins with a wrong password")
			.register(meters);
		this.lockouts = Counter.builder("parley.login.lockouts")
			.description("Organiser accounts locked after repeated wrong passwords")
			.register(meters);
		this.lockedRefusals = Counter.builder("parley.login.refused")
			.tag("reason", "account-locked")
			.description("Sign-in attempts refused without a password check")
			.register(meters);
		this.clientRefusals = Counter.builder("parley.login.refused")
			.tag("reason", "client-throttled")
			.description("Sign-in attempts refused without a password check")
			.register(meters);
	}

	/**
	 * Admits an attempt, or refuses it with how long to wait. An admitted attempt must be
	 * {@linkplain #finish finished} or {@linkplain #abandon abandoned}.
	 */
	public Attempt begin(String account, String client) {
		Instant now = this.clock.instant();
		String key = account.strip().toLowerCase(Locale.ROOT);
		AccountState state = this.accounts.computeIfAbsent(key, k -> new AccountState());
		synchronized (state) {
			if (state.lockedUntil != null && now.isBefore(state.lockedUntil)) {
				this.lockedRefusals.increment();
				return Attempt.refused(Duration.between(now, state.lockedUntil));
			}
			state.prune(now.minus(this.settings.failureWindow()));
			if (!state.failures.isEmpty() && state.failures.size() + state.pending >= this.settings.maxFailures()) {
				// After a wrong password, attempts in flight may still lock the account:
				// wait for them. (Before any, parallel requests of a script go through.)
				this.lockedRefusals.increment();
				return Attempt.refused(Duration.ofSeconds(1));
			}
			state.pending++;
		}
		ClientBucket bucket = this.clients.computeIfAbsent(client,
				c -> new ClientBucket(this.settings.clientBurst(), now));
		Duration wait = bucket.take(now, this.settings);
		if (wait != null) {
			synchronized (state) {
				state.pending--;
			}
			this.clientRefusals.increment();
			return Attempt.refused(wait);
		}
		return new Attempt(key, client, null);
	}

	/** Records how an admitted attempt ended. */
	public void finish(Attempt attempt, boolean passwordWasRight) {
		Instant now = this.clock.instant();
		AccountState state = this.accounts.get(attempt.account());
		if (state != null) {
			synchronized (state) {
				state.pending = Math.max(0, state.pending - 1);
				if (passwordWasRight) {
					state.failures.clear();
					state.lockouts = 0;
				}
				else {
					this.failures.increment();
					state.failures.addLast(now);
					if (state.failures.size() >= this.settings.maxFailures()) {
						lock(attempt.account(), state, now);
					}
				}
			}
		}
		if (passwordWasRight) {
			refund(attempt.client(), now);
		}
		tidy(now);
	}

	/** An admitted attempt that never reached a password check. */
	public void abandon(Attempt attempt) {
		AccountState state = this.accounts.get(attempt.account());
		if (state != null) {
			synchronized (state) {
				state.pending = Math.max(0, state.pending - 1);
			}
		}
		refund(attempt.client(), this.clock.instant());
	}

	private void lock(String account, AccountState state, Instant now) {
		state.lockouts++;
		Duration period = this.settings.firstLockout().multipliedBy(1L << Math.min(state.lockouts - 1, 20));
		if (period.compareTo(this.settings.longestLockout()) > 0) {
			period = this.settings.longestLockout();
		}
		state.lockedUntil = now.plus(period);
		state.failures.clear();
		this.lockouts.increment();
		log.warn("Locked the organiser sign-in of {} for {} after {} wrong passwords (lockout {} in a row)", account,
				period, this.settings.maxFailures(), state.lockouts);
	}

	private void refund(String client, Instant now) {
		ClientBucket bucket = this.clients.get(client);
		if (bucket != null) {
			bucket.refund(now, this.settings);
		}
	}

	private void tidy(Instant now) {
		if (this.accounts.size() > TIDY_ABOVE) {
			Instant forgotten = now.minus(this.settings.failureWindow());
			this.accounts.entrySet().removeIf(e -> e.getValue().idle(now, forgotten));
		}
		if (this.clients.size() > TIDY_ABOVE) {
			this.clients.entrySet().removeIf(e -> e.getValue().full(now, this.settings));
		}
	}

	/**
	 * An attempt: admitted (with the keys it was counted under) or refused with how long
	 * to wait.
	 */
	public record Attempt(String account, String client, Duration retryAfter) {

		static Attempt refused(Duration retryAfter) {
			return new Attempt(null, null, retryAfter.isNegative() ? Duration.ZERO : retryAfter);
		}

		public boolean isRefused() {
			return this.retryAfter != null;
		}

	}

	private static final class AccountState {

		private final Deque<Instant> failures = new ArrayDeque<>();

		private int pending;

		private int lockouts;

		private Instant lockedUntil;

		void prune(Instant before) {
			while (!this.failures.isEmpty() && this.failures.peekFirst().isBefore(before)) {
				this.failures.removeFirst();
			}
		}

		synchronized boolean idle(Instant now, Instant forgotten) {
			prune(forgotten);
			return this.pending == 0 && this.failures.isEmpty()
					&& (this.lockedUntil == null || this.lockedUntil.isBefore(now));
		}

	}

	private static final class ClientBucket {

		private double tokens;

		private Instant refilled;

		ClientBucket(int burst, Instant now) {
			this.tokens = burst;
			this.refilled = now;
		}

		/** Takes a token, or says how long until one is back. */
		synchronized Duration take(Instant now, LoginSettings settings) {
			refill(now, settings);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return null;
			}
			double perSecond = settings.clientAttemptsPerMinute() / 60.0;
			return Duration.ofMillis((long) Math.ceil((1 - this.tokens) / perSecond * 1000));
		}

		synchronized void refund(Instant now, LoginSettings settings) {
			refill(now, settings);
			this.tokens = Math.min(settings.clientBurst(), this.tokens + 1);
		}

		synchronized boolean full(Instant now, LoginSettings settings) {
			refill(now, settings);
			return this.tokens >= settings.clientBurst();
		}

		private void refill(Instant now, LoginSettings settings) {
			long millis = Duration.between(this.refilled, now).toMillis();
			if (millis > 0) {
				this.tokens = Math.min(settings.clientBurst(),
						this.tokens + millis * settings.clientAttemptsPerMinute() / 60_000.0);
				this.refilled = now;
			}
		}

	}

}

package org.parley.invite.mail;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a refused mail waits before its next try: doubling from the first wait up to
 * the cap, with jitter.
 */
public final class Backoff {

	private Backoff() {
	}

	/**
	 * The wait after the given number of attempts: between half and all of first ×
	 * 2^(attempts-1), capped.
	 */
	public static Duration after(int attempts, Duration first, Duration max) {
		long grown = first.toMillis() << Math.min(attempts - 1, 20);
		long capped = Math.min(grown, max.toMillis());
		return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
	}

}

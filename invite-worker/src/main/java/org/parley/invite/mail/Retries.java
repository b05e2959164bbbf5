package org.parley.invite.mail;

import java.time.Duration;

/**
 * How a kind of mail retries: the first wait, doubling with jitter up to the cap
 * ({@link Backoff}), and the age after which a mail not accepted fails for good.
 */
public record Retries(Duration firstRetryAfter, Duration maxRetryAfter, Duration maxAge) {

	/** The wait after the given number of attempts. */
	public Duration after(int attempts) {
		return Backoff.after(attempts, this.firstRetryAfter, this.maxRetryAfter);
	}

}

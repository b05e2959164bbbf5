package org.parley.invite.mail;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The one refusal policy of every kind of mail: what becomes of a mail the relay did not
 * take.
 * <ul>
 * <li>5xx: failed for good; if the recipient's address itself was refused, the address is
 * suppressed;</li>
 * <li>4xx (421 included) or a dropped connection: retried with backoff;</li>
 * <li>lost after the final dot: retried too, and flagged ambiguous, since the server may
 * have taken it;</li>
 * <li>a retry that would come after the mail's maximum age: failed, given up.</li>
 * </ul>
 */
public sealed interface Refusal {

	Integer code();

	String reason();

	/** A retry at {@code at}; {@code ambiguous} when the server may have taken it. */
	record Retry(Integer code, String reason, OffsetDateTime at, boolean ambiguous, int attempts,
			Duration delay) implements Refusal {
	}

	/** Failed for good; {@code suppress} when the address must not be mailed again. */
	record Failed(Integer code, String reason, boolean suppress, boolean givenUp) implements Refusal {
	}

	/**
	 * @param attempts the attempts made before this one
	 * @param createdAt when the mail was queued, for its maximum age
	 */
	static Refusal of(SmtpFailure failure, int attempts, OffsetDateTime createdAt, Retries retries,
			OffsetDateTime now) {
		if (failure.isPermanent()) {
			return new Failed(failure.code(), failure.text(), failure.recipientRefused(), false);
		}
		int made = attempts + 1;
		Duration wait = retries.after(made);
		if (createdAt.plus(retries.maxAge()).isBefore(now.plus(wait))) {
			return new Failed(failure.code(), "Not accepted after " + made + " attempts: " + failure.text(), false,
					true);
		}
		if (failure.mayHaveBeenAccepted()) {
			return new Retry(failure.code(),
					"Connection lost after the message was written, retrying: " + failure.text(), now.plus(wait), true,
					made, wait);
		}
		return new Retry(failure.code(), "Temporarily refused, retrying: " + failure.text(), now.plus(wait), false,
				made, wait);
	}

}

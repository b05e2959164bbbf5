package org.parley.invite.mail;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts what became of each attempt to hand a mail to the relay, as
 * {@code parley.deliveries} tagged by the kind of mail and the outcome. Prometheus turns
 * the counts into rates. The senders call it where they record the outcome in their
 * ledger, so the counts and the ledger agree.
 */
@Component
public class DeliveryMetrics {

	/** What a mail is: an invitation, a sign-in link or a notification. */
	public enum Kind {

		INVITATION("invitation"), SIGN_IN_LINK("sign-in-link"), NOTIFICATION("notification");

		private final String tag;

		Kind(String tag) {
			this.tag = tag;
		}

	}

	private final MeterRegistry registry;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	DeliveryMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** The relay accepted the mail. */
	public void sent(Kind kind) {
		count(kind, "sent");
	}

	/**
	 * The mail will not be sent: refused for good, given up after its retries, or not
	 * mailable.
	 */
	public void failed(Kind kind) {
		count(kind, "failed");
	}

	/**
	 * The relay refused for now, or the connection failed; the mail is tried again later.
	 */
	public void retried(Kind kind) {
		count(kind, "retried");
	}

	private void count(Kind kind, String outcome) {
		// Registered on first use and kept: the send path does not build a meter id per
		// mail.
		this.counters
			.computeIfAbsent(kind.tag + "/" + outcome,
					key -> Counter.builder("parley.deliveries")
						.description("Attempts to hand a mail to the SMTP relay, by kind and outcome")
						.tag("kind", kind.tag)
						.tag("outcome", outcome)
						.register(this.registry))
			.increment();
	}

}

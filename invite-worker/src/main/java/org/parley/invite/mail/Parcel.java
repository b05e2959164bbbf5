package org.parley.invite.mail;

import java.time.OffsetDateTime;

import org.slf4j.Logger;

/**
 * One attempt at one mail, as the {@link Courier} needs it to apply the refusal policy.
 *
 * @param what how the log names the kind ("Invitation", "Sign-in link"…)
 * @param id the mail's ledger id, for the log
 * @param address the recipient, suppressed if the relay refuses it for good
 * @param attempts the attempts made before this one
 * @param createdAt when the mail was queued, for its maximum age
 * @param log the kind's own logger
 */
public record Parcel(DeliveryMetrics.Kind kind, MailPriority priority, String what, Object id, String address,
		int attempts, OffsetDateTime createdAt, Retries retries, Logger log) {

}

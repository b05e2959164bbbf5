package org.parley.invite.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param consumers concurrent senders per worker, each with its own SMTP connection
 * @param batchSize the most messages a sender takes from the queue at once; their rows
 * are read together and acknowledged together
 * @param ratePerSecond the global sending rate over all workers; 0 for none. The limit
 * holds exactly over any {@code rateWindow}: at most {@code ratePerSecond × rateWindow}
 * messages.
 * @param firstRetryAfter the wait after a first temporary refusal; it doubles with every
 * attempt, with jitter, up to {@code maxRetryAfter}
 * @param maxAge a row not sent this long after it was queued fails for good
 * @param lease how long a worker may hold a row while sending; after it, the row is
 * re-queued as ambiguous
 * @param redriveAfter a queued row whose message got lost is sent again after this long
 * @param queue what the consumers take their work from: one {@code SendInvitation}
 * message per invitee ({@code messages}), or the ledger itself ({@code ledger}: due rows
 * reserved with {@code for update skip locked}, the broker holding nothing per invitee);
 * see ADR 0025
 */
@ConfigurationProperties("parley.invitation.delivery")
@Validated
public record DeliverySettings(@DefaultValue("16") @Min(1) int consumers, @DefaultValue("20") @Min(1) int batchSize,
		@DefaultValue("0") @Min(0) int ratePerSecond, @DefaultValue("10s") Duration rateWindow,
		@DefaultValue("30s") Duration firstRetryAfter, @DefaultValue("1h") Duration maxRetryAfter,
		@DefaultValue("3d") Duration maxAge, @DefaultValue("5m") Duration lease,
		@DefaultValue("10m") Duration redriveAfter, @DefaultValue("messages") Queue queue) {

	/** Where the consumers find the invitations to send. */
	public enum Queue {

		/** One {@code SendInvitation} message per invitee, re-driven by the sweep. */
		MESSAGES,

		/** The ledger's due rows, claimed by the consumers themselves. */
		LEDGER

	}

	public boolean ledgerQueue() {
		return this.queue == Queue.LEDGER;
	}

}

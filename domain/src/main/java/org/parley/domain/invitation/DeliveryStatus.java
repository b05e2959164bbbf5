package org.parley.domain.invitation;

/** The status of one entry of an invitation list. */
public enum DeliveryStatus {

	/** Not an address mail can be sent to; the reason says why. */
	INVALID,

	/** The same address, case aside, appeared earlier in the list. */
	DUPLICATE,

	/** The address unsubscribed or bounced hard before. */
	SUPPRESSED,

	/** Waiting to be sent, for the first time or again after a temporary refusal. */
	QUEUED,

	/** A worker holds it and is talking to the mail server. */
	SENDING,

	/** The mail server accepted it. Never sent again. */
	SENT,

	/** Refused for good; the reason carries the server's answer. */
	FAILED;

	public boolean isFinal() {
		return this != QUEUED && this != SENDING;
	}

}

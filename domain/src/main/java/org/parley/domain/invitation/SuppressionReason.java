package org.parley.domain.invitation;

/** Why an address is not mailed any more. */
public enum SuppressionReason {

	UNSUBSCRIBED, HARD_BOUNCE

}

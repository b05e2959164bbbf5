package org.parley.domain.invitation;

/** How far the worker got in turning a batch's list into ledger rows. */
public enum FanOutState {

	/** Stored; the request is on its way to a worker. */
	PENDING,

	/** A worker is writing the ledger. */
	RUNNING,

	/** Every entry of the list has its ledger row. */
	DONE,

	/** The list could not be fanned out; nothing more will be sent. */
	FAILED

}

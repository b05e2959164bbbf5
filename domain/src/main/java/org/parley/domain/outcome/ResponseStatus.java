package org.parley.domain.outcome;

/**
 * How the organisers answered a comment. All but {@link #NOTED} are final: the comment's
 * point was decided (taken up in full or in part, turned down, or ruled outside what the
 * consultation decides); a noted comment was read and acknowledged, without a decision.
 */
public enum ResponseStatus {

	ACCEPTED, PARTLY_ACCEPTED, NOT_ACCEPTED, OUT_OF_SCOPE, NOTED;

	/** Whether this answer decides the comment's point ("Already decided"). */
	public boolean isFinal() {
		return this != NOTED;
	}

}

package org.parley.domain.notification;

/**
 * How a participant hears about replies: one email each, one digest a day, both (each
 * reply in an email of its own and again in the day's digest), or not at all.
 */
public enum NotificationFrequency {

	IMMEDIATE, DAILY, IMMEDIATE_AND_DAILY, NONE;

	/** Whether each reply gets an email of its own, as it happens. */
	public boolean immediate() {
		return this == IMMEDIATE || this == IMMEDIATE_AND_DAILY;
	}

	/** Whether the day's replies are gathered in a digest. */
	public boolean daily() {
		return this == DAILY || this == IMMEDIATE_AND_DAILY;
	}

}

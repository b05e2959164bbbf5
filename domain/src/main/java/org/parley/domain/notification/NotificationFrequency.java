package org.parley.domain.notification;

/** How a participant hears about replies: one email each, one digest a day, or not at all. */
public enum NotificationFrequency {

	IMMEDIATE, DAILY, NONE

}

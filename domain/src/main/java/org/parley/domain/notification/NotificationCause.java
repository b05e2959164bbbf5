package org.parley.domain.notification;

/**
 * Why a recipient hears about a comment; a reply to their own comment wins over a follow.
 */
public enum NotificationCause {

	REPLY, FOLLOW

}

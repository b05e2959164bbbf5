package org.parley.domain.notification;

/**
 * Why a recipient hears about a comment; a reply to their own comment wins over a follow.
 */
public enum NotificationCause {

	REPLY, FOLLOW,

	/** A new revision of the document changed sections the recipient commented on. */
	REVISION

}

package org.parley.domain.notification;

/** One email per notification, or one per recipient, discussion and day. */
public enum MailKind {

	IMMEDIATE, DIGEST

}

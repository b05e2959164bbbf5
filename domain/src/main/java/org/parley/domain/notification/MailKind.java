package org.parley.domain.notification;

/**
 * One email per notification, or one per recipient, discussion and day, or one per
 * recipient and new revision of the document.
 */
public enum MailKind {

	IMMEDIATE, DIGEST, REVISION

}

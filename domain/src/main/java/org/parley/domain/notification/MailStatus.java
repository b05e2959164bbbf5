package org.parley.domain.notification;

/**
 * Where a notification mail stands: waiting to be sent (first time or after a temporary
 * refusal), being sent by a worker, accepted by the SMTP server, refused for good, or no
 * longer wanted because the recipient unsubscribed in the meantime.
 */
public enum MailStatus {

	QUEUED, SENDING, SENT, FAILED, CANCELLED

}

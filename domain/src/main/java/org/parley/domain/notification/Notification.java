package org.parley.domain.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the ledger: this comment notifies this recipient, for this cause, immediately or in
 * a digest. The pair (comment, recipient) is the key, so nobody hears twice about one comment.
 *
 * @param mailId the mail that carries it; null while it waits for a digest, or when it was not
 * wanted ({@link NotificationFrequency#NONE})
 */
public record Notification(UUID commentId, UUID recipientId, UUID discussionId, NotificationCause cause,
		NotificationFrequency mode, UUID mailId, OffsetDateTime createdAt) {

}

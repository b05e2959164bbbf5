package org.parley.domain.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the ledger: this comment notifies this recipient, for this cause,
 * immediately, in a digest, or both. The pair (comment, recipient) is the key, so nobody
 * hears twice about one comment in one way.
 *
 * @param mailId the immediate mail that carries it; null unless
 * {@link NotificationFrequency#immediate()}
 * @param digestMailId the digest that carries it; null while it waits for its day, and
 * unless {@link NotificationFrequency#daily()}
 */
public record Notification(UUID commentId, UUID recipientId, UUID discussionId, NotificationCause cause,
		NotificationFrequency mode, UUID mailId, UUID digestMailId, OffsetDateTime createdAt) {

}

package org.parley.domain.notification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An outgoing notification email, the unit of retry.
 *
 * @param digestDay the recipient's local day a digest covers; null for an immediate mail
 * @param attempts how many times a worker started sending it
 */
public record NotificationMail(UUID id, UUID recipientId, UUID discussionId, MailKind kind, LocalDate digestDay,
		MailStatus status, int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime createdAt) {

}

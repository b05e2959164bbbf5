package org.parley.domain.invitation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the delivery ledger: one entry of a batch's list.
 *
 * @param line the entry's line in the list, unique within the batch
 * @param emailKey the address in lower case, by which duplicates and suppressions are
 * found
 * @param ambiguous a worker stopped while talking to the mail server, so the invitation
 * may have been sent before it was sent again
 * @param token the invitee's unsubscribe token; only for rows that are sent
 * @param revokedAt when the organiser withdrew the invitation, or null
 */
public record Delivery(UUID id, UUID batchId, int line, String email, String emailKey, String name,
		DeliveryStatus status, String reason, Integer smtpCode, int attempts, OffsetDateTime nextAttemptAt,
		boolean ambiguous, String messageId, String token, OffsetDateTime createdAt, OffsetDateTime sentAt,
		OffsetDateTime revokedAt) {

	public boolean isRevoked() {
		return this.revokedAt != null;
	}

	/**
	 * Whether it is an invitation at all: an invalid or repeated entry of a list is not.
	 */
	public boolean isInvitation() {
		return this.status != DeliveryStatus.INVALID && this.status != DeliveryStatus.DUPLICATE;
	}

}

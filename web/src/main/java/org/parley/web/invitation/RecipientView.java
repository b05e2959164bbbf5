package org.parley.web.invitation;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.parley.domain.invitation.Delivery;
import org.parley.domain.invitation.DeliveryStatus;

/**
 * One invitee of a batch with its status and, when it did not go out, why.
 * {@code revoked}: the organiser withdrew the invitation.
 */
record RecipientView(UUID id, int line, String email, String name, DeliveryStatus status, String reason,
		Integer smtpCode, int attempts, boolean ambiguous, OffsetDateTime sentAt, boolean revoked) {

	static RecipientView of(Delivery d) {
		return new RecipientView(d.id(), d.line(), d.email(), d.name(), d.status(), d.reason(), d.smtpCode(),
				d.attempts(), d.ambiguous(), d.sentAt(), d.isRevoked());
	}

}

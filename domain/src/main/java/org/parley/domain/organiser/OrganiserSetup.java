package org.parley.domain.organiser;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A one-time set-up link for an organiser another organiser added: it lets the new
 * organiser choose a password once, until it expires.
 */
public record OrganiserSetup(UUID id, UUID organiserId, UUID invitedBy, OffsetDateTime createdAt,
		OffsetDateTime expiresAt, OffsetDateTime usedAt) {

	/** Whether the link still sets a password at that moment. */
	public boolean isOpen(OffsetDateTime now) {
		return this.usedAt == null && now.isBefore(this.expiresAt);
	}

}

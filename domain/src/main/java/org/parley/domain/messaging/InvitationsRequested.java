package org.parley.domain.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An organiser asked for a list of people to be invited; the list waits in the database.
 */
public record InvitationsRequested(UUID messageId, UUID batchId, OffsetDateTime requestedAt) implements WorkMessage {

	@Override
	public String queue() {
		return Topology.INVITATIONS_REQUESTED;
	}

}

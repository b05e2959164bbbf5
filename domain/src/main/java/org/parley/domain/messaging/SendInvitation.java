package org.parley.domain.messaging;

import java.util.UUID;

/**
 * Send the invitation of one ledger row. The ledger, not the message, says whether it is
 * still due.
 */
public record SendInvitation(UUID messageId, UUID deliveryId) implements WorkMessage {

	@Override
	public String queue() {
		return Topology.SEND_INVITATION;
	}

}

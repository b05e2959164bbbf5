package org.parley.domain.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An organiser asked for a document to be imported; the bytes wait in the database. */
public record ImportRequested(UUID messageId, UUID importId, OffsetDateTime requestedAt) implements WorkMessage {

	@Override
	public String queue() {
		return Topology.IMPORT_REQUESTED;
	}

}

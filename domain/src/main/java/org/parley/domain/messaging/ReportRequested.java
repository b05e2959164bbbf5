package org.parley.domain.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An organiser asked for a report of a discussion; the report row says which and how. */
public record ReportRequested(UUID messageId, UUID reportId, OffsetDateTime requestedAt) implements WorkMessage {

	@Override
	public String queue() {
		return Topology.REPORT_REQUESTED;
	}

}

package org.parley.domain.messaging;

import java.util.UUID;

/**
 * An organiser published a new revision of a discussion's document: its followers and
 * everyone who commented may want to hear what changed in their sections (ADR 0022).
 */
public record RevisionPublished(UUID messageId, UUID discussionId, int revision) implements WorkMessage {

	@Override
	public String queue() {
		return Topology.REVISION_PUBLISHED;
	}

}

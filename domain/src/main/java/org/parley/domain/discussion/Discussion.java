package org.parley.domain.discussion;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A consultation on one document. */
public record Discussion(UUID id, UUID importId, String title, String description, DiscussionStatus status,
		Privacy privacy, OffsetDateTime opensAt, OffsetDateTime closesAt, OffsetDateTime createdAt) {

}

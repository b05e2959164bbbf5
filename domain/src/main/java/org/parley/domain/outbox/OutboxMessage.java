package org.parley.domain.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A message waiting to be published. The id is the message id consumers deduplicate on. */
public record OutboxMessage(UUID id, String exchange, String routingKey, String messageType, String payload,
		OffsetDateTime createdAt, int attempts) {

}

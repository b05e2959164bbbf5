package org.parley.domain.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message waiting to be published. The id is the message id consumers deduplicate on;
 * the row id is the outbox row that holds it, the message's own or its bundle's
 * ({@link Outbox#enqueueAll}).
 */
public record OutboxMessage(UUID id, UUID rowId, String exchange, String routingKey, String messageType, String payload,
		OffsetDateTime createdAt, int attempts) {

}

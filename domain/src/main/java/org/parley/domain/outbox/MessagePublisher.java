package org.parley.domain.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes outbox messages and returns only once the broker has confirmed them. Each
 * process implements it over its broker client.
 */
@FunctionalInterface
public interface MessagePublisher {

	/**
	 * @throws PublishFailed when the broker did not confirm the message
	 */
	void publish(OutboxMessage message);

	/**
	 * Publishes a page of messages and returns once the broker has answered for each. An
	 * implementation may keep them all in flight at once and wait for the confirms
	 * together, which takes one round trip per page instead of one per message; this
	 * default publishes them one by one and stops at the first failure.
	 */
	default Confirmations publishAll(List<OutboxMessage> messages) {
		List<UUID> confirmed = new ArrayList<>(messages.size());
		for (OutboxMessage message : messages) {
			try {
				publish(message);
			}
			catch (PublishFailed ex) {
				return new Confirmations(confirmed, Map.of(message.id(), ex));
			}
			confirmed.add(message.id());
		}
		return new Confirmations(confirmed, Map.of());
	}

}
